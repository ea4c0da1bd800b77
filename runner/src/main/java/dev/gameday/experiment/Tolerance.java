package dev.gameday.experiment;

import java.time.Duration;
import java.util.List;

/**
 * An SLO over a sliding {@code window}: a bound on the success ratio (null when not set) and bounds on
 * latency percentiles (empty when not set). At least one bound is present.
 */
public record Tolerance(Duration window, RatioBound successRatio, List<LatencyBound> latency) {
    public Tolerance {
        latency = List.copyOf(latency);
    }
}
