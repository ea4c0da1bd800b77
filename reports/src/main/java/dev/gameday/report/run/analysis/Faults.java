package dev.gameday.report.run.analysis;

import java.util.List;

/**
 * The run's fault steps as they happened, and how the steady state came back after them:
 * {@code timeToRecoverMs} is the runner's measure (else the judge's over the journal; null when it
 * never recovered or cannot be known), {@code recoveryReached} whether the run got as far as judging
 * recovery.
 */
public record Faults(List<FaultWindow> windows, Long timeToRecoverMs, boolean recoveryReached) {
    public Faults {
        windows = List.copyOf(windows);
    }
}
