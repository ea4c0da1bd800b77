package dev.gameday.run;

import dev.gameday.journal.VerdictReached.Evidence;
import dev.gameday.journal.VerdictReached.TimeToDetect;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one run: verdict (null for a dry run), exit code, a one-sentence summary, evidence,
 * time to detect per fault step, time to recover (null when not measured), and the run folder (null
 * for a dry run).
 */
public record RunResult(Verdict verdict, int exitCode, String summary, List<Evidence> evidence,
        List<TimeToDetect> timeToDetect, Long timeToRecoverMs, Path runDir) {
    public RunResult {
        evidence = List.copyOf(evidence);
        timeToDetect = List.copyOf(timeToDetect);
    }

    RunResult in(Path dir) {
        return new RunResult(verdict, exitCode, summary, evidence, timeToDetect, timeToRecoverMs, dir);
    }
}
