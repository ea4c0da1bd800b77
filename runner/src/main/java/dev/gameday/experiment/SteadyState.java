package dev.gameday.experiment;

import java.time.Duration;
import java.util.List;

/**
 * The steady state the hypothesis promises: probes with tolerances, sampled for {@code before} ahead
 * of the method and for {@code after} once recovery is over.
 */
public record SteadyState(Duration before, Duration after, List<Probe> probes) {
    public SteadyState {
        probes = List.copyOf(probes);
    }
}
