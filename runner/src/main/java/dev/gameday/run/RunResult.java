package dev.gameday.run;

import dev.gameday.journal.VerdictReached.Evidence;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one run: verdict (null for a dry run), exit code, a one-sentence summary, evidence,
 * and the run folder (null for a dry run).
 */
public record RunResult(Verdict verdict, int exitCode, String summary, List<Evidence> evidence, Path runDir) {
    public RunResult {
        evidence = List.copyOf(evidence);
    }
}
