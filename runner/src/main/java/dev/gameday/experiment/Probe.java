package dev.gameday.experiment;

import java.time.Duration;
import java.util.Set;

/**
 * One steady-state probe: what to sample ({@code target}, whose {@link ProbeTarget#type()} names the
 * probe type), how often (fixed rate, {@code interval}), how long one sample may take ({@code timeout}),
 * in which phases its tolerance is part of the hypothesis ({@code check}), and the tolerance itself.
 */
public record Probe(
        String name,
        Duration interval,
        Duration timeout,
        Set<CheckPhase> check,
        ProbeTarget target,
        Tolerance tolerance) {

    public Probe {
        check = Set.copyOf(check);
    }

    public String type() {
        return target.type();
    }
}
