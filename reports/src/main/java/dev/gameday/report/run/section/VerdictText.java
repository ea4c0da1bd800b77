package dev.gameday.report.run.section;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.judge.Sentences;
import dev.gameday.report.doc.Tone;
import dev.gameday.report.run.analysis.Incidents.Abort;
import dev.gameday.report.run.analysis.Judgement;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.TimelineText;
import java.util.List;

/** The verdict in words, as the banner and the follow-up both say it. */
final class VerdictText {
    private VerdictText() {}

    static String title(String verdict) {
        return switch (verdict) {
            case "held" -> "Hypothesis held";
            case "refuted" -> "Hypothesis refuted";
            case "aborted" -> "Run aborted";
            case "interrupted" -> "Run interrupted";
            case "error" -> "Run failed with an error";
            default -> "Inconclusive";
        };
    }

    /** The verdict's tone; a hypothesis said to hold on no check at all is nothing to be green about. */
    static Tone tone(Judgement judgement) {
        return judgement.verdict().equals("held") && judgement.judgedChecks().isEmpty() ? Tone.WARN
                : TimelineText.tone(judgement.verdict());
    }

    /**
     * The verdict in words: the runner's own summary when it wrote one (it is made from the same
     * evidence), then how many checks passed — a count, never a second figure for the same check.
     */
    static String sentence(RunAnalysis run) {
        Judgement judgement = run.judgement();
        List<Evidence> checked = judgement.judgedChecks();
        List<Evidence> failed = checked.stream().filter(e -> e.status() == Status.FAIL).toList();
        String count = checked.isEmpty() ? "no tolerance check could be judged from this journal"
                : failed.isEmpty() ? checked.size() + " of " + checked.size() + " tolerance checks passed"
                : failed.size() + " of " + checked.size() + " tolerance checks failed";
        if (judgement.summary() != null) {
            String summary = judgement.summary().strip();
            return summary + (summary.matches(".*[.!?]$") ? "" : ".") + " " + Character.toUpperCase(count.charAt(0))
                    + count.substring(1) + ".";
        }
        String first = failed.isEmpty() ? "" : "; " + Sentences.observation(failed.get(0));
        List<Abort> aborts = run.incidents().aborts();
        return switch (judgement.verdict()) {
            case "held" -> "The steady state held: " + count + ".";
            case "refuted" -> "The steady state did not hold: " + count + first + ".";
            case "aborted" -> "The run was stopped by an abort condition"
                    + (aborts.isEmpty() ? "" : " (" + aborts.get(0).condition() + ": "
                            + aborts.get(0).message() + ")") + "; " + count + ".";
            case "interrupted" -> "The run did not finish (last phase reached: " + run.outline().lastPhase() + "); "
                    + count + first + " before it stopped.";
            default -> "No tolerance could be judged: " + count + ".";
        };
    }
}
