package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One probe sample, placed at its scheduled time {@code scheduledAt} (the event's {@code t}). */
public record SampleTaken(
        @JsonIgnore long scheduledAt, String probe, boolean ok, double ms, Integer status, String error)
        implements JournalEvent {
    @Override
    public String type() {
        return "sample";
    }

    @Override
    public Long at() {
        return scheduledAt;
    }
}
