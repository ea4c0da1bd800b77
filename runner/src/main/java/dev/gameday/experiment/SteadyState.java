package dev.gameday.experiment;

import java.time.Duration;
import java.util.List;

/**
 * The steady state the hypothesis promises: probes with tolerances, sampled for {@code before} ahead
 * of the method and for {@code after} once recovery is over. {@code baseline} is {@value #REQUIRED}
 * (a fault only goes in once the steady state held before) or {@value #SKIP} (no baseline: every
 * output says the verdict has none).
 */
public record SteadyState(Duration before, Duration after, String baseline, List<Probe> probes) {
    public static final String REQUIRED = "required";
    public static final String SKIP = "skip";

    public SteadyState {
        probes = List.copyOf(probes);
    }

    public boolean baselineRequired() {
        return !SKIP.equals(baseline);
    }
}
