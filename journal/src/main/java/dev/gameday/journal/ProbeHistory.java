package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a probe's target itself recorded of the measured value over the run, read back once sampling is
 * over (a {@code prometheus} probe asks the server's range API for its query from {@code fromT} to
 * {@code toT}, one point every {@code stepMs}): the run report charts it beside the samples, from the
 * journal alone. {@code error} says why there are no points (null when it worked; an empty result has
 * no points and no error).
 */
public record ProbeHistory(String probe, long fromT, long toT, long stepMs, List<Point> points, String error)
        implements JournalEvent {

    public ProbeHistory {
        points = List.copyOf(points);
    }

    /** One recorded value at {@code t} (epoch ms), written {@code [t, value]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"t", "value"})
    public record Point(long t, double value) {}

    @Override
    public String type() {
        return "probe.history";
    }
}
