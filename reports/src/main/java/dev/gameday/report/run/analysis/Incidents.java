package dev.gameday.report.run.analysis;

import java.util.List;

/** What went wrong besides the hypothesis: aborts that tripped, runtime errors, rollbacks that failed. */
public record Incidents(List<Abort> aborts, List<String> errors, List<String> failedRollbacks) {
    public Incidents {
        aborts = List.copyOf(aborts);
        errors = List.copyOf(errors);
        failedRollbacks = List.copyOf(failedRollbacks);
    }

    /** An abort condition that tripped at {@code t} (epoch ms). */
    public record Abort(long t, String condition, String probe, String message) {}
}
