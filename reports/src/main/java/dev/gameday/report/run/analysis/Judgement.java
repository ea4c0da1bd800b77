package dev.gameday.report.run.analysis;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import java.util.List;

/**
 * The verdict and what it was decided on. {@code evidence} is the runner's own (its {@code verdict}
 * event) or, when the journal lacks it or it is damaged, the same judge's over the journal's samples
 * ({@code recomputed} says why; null when it is the runner's). {@code summary} is the runner's
 * sentence, null without one; {@code caveats} what the verdict cannot vouch for; {@code samples} and
 * {@code failedSamples} are counted by the judge.
 */
public record Judgement(String verdict, String summary, List<Evidence> evidence, String recomputed,
        List<String> caveats, long samples, long failedSamples) {

    public Judgement {
        evidence = List.copyOf(evidence);
        caveats = List.copyOf(caveats);
    }

    /** The evidence per phase (fault steps left out). */
    public List<Evidence> phaseLevel() {
        return evidence.stream().filter(e -> e.step() == null).toList();
    }

    /** The phase-level checks that passed or failed. */
    public List<Evidence> judgedChecks() {
        return phaseLevel().stream().filter(e -> e.status() == Status.PASS || e.status() == Status.FAIL).toList();
    }
}
