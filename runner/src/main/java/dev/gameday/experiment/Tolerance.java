package dev.gameday.experiment;

import java.time.Duration;
import java.util.List;

/**
 * An SLO over a sliding {@code window}: a bound on the success ratio (null when not set), bounds on
 * latency percentiles (empty when not set) and a bound on the measured value (null when not set). At
 * least one bound is present.
 */
public record Tolerance(Duration window, RatioBound successRatio, List<LatencyBound> latency, ValueBound value) {
    public Tolerance {
        latency = List.copyOf(latency);
    }

    /** A tolerance without a value bound (every probe type but those that measure a value). */
    public Tolerance(Duration window, RatioBound successRatio, List<LatencyBound> latency) {
        this(window, successRatio, latency, null);
    }
}
