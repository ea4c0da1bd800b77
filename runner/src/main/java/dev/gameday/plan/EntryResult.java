package dev.gameday.plan;

import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;
import java.nio.file.Path;

/**
 * What became of one entry: it ran ({@code run} is its result, the judge's verdict), it could not
 * start ({@code verdict} ERROR, {@code note} says why), or the stop policy left it out ({@code verdict}
 * null, {@code note} says after which entry).
 */
public record EntryResult(PlannedExperiment entry, Verdict verdict, RunResult run, String note) {
    public static EntryResult ran(PlannedExperiment entry, RunResult run) {
        return new EntryResult(entry, run.verdict(), run, null);
    }

    public static EntryResult failed(PlannedExperiment entry, String why) {
        return new EntryResult(entry, Verdict.ERROR, null, why);
    }

    public static EntryResult notRun(PlannedExperiment entry, String why) {
        return new EntryResult(entry, null, null, why);
    }

    public boolean wasRun() {
        return verdict != null;
    }

    public Path runDir() {
        return run == null ? null : run.runDir();
    }
}
