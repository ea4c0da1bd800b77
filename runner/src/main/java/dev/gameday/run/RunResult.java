package dev.gameday.run;

import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one run: verdict (null for a dry run that would start), whether it stopped before any
 * fault because the experiment conflicts with what the Toxiproxy server has ({@code conflict}: bad
 * input rather than a broken system), a one-sentence summary, the evidence the verdict was decided on,
 * how each fault step was detected, time to recover (null when not measured), what the verdict cannot
 * vouch for, and the run folder (null for a dry run).
 */
public record RunResult(Verdict verdict, boolean conflict, String summary, List<Evidence> evidence,
        List<Detection> timeToDetect, Long timeToRecoverMs, List<String> caveats, Path runDir) {
    public RunResult {
        evidence = List.copyOf(evidence);
        timeToDetect = List.copyOf(timeToDetect);
        caveats = List.copyOf(caveats);
    }

    RunResult in(Path dir) {
        return new RunResult(verdict, conflict, summary, evidence, timeToDetect, timeToRecoverMs, caveats, dir);
    }
}
