package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One probe sample, placed at its scheduled time {@code scheduledAt} (the event's {@code t}).
 * {@code value} is the number it measured, for probe types that measure one ({@code prometheus}); null,
 * and absent from the journal line, for the others.
 */
public record SampleTaken(
        @JsonIgnore long scheduledAt, String probe, boolean ok, double ms, Integer status, String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double value)
        implements JournalEvent {

    /** A sample that measured no value. */
    public SampleTaken(long scheduledAt, String probe, boolean ok, double ms, Integer status, String error) {
        this(scheduledAt, probe, ok, ms, status, error, null);
    }

    @Override
    public String type() {
        return "sample";
    }

    @Override
    public Long at() {
        return scheduledAt;
    }

    /**
     * The {@code value} of a journaled sample line; NaN when it has none (every line of journals written
     * before values existed). Infinities are written as the strings {@code "Infinity"}/{@code "-Infinity"}.
     */
    public static double value(JsonNode sample) {
        JsonNode v = sample.path("value");
        return v.isNumber() || v.isTextual() ? v.asDouble(Double.NaN) : Double.NaN;
    }
}
