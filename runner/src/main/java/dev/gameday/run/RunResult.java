package dev.gameday.run;

import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one run: verdict (null for a dry run), exit code, a one-sentence summary, the
 * evidence the verdict was decided on, how each fault step was detected, time to recover (null when
 * not measured), what the verdict cannot vouch for, and the run folder (null for a dry run).
 */
public record RunResult(Verdict verdict, int exitCode, String summary, List<Evidence> evidence,
        List<Detection> timeToDetect, Long timeToRecoverMs, List<String> caveats, Path runDir) {
    public RunResult {
        evidence = List.copyOf(evidence);
        timeToDetect = List.copyOf(timeToDetect);
        caveats = List.copyOf(caveats);
    }

    RunResult in(Path dir) {
        return new RunResult(verdict, exitCode, summary, evidence, timeToDetect, timeToRecoverMs, caveats, dir);
    }
}
