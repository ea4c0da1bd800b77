package dev.gameday.report.run.analysis;

import java.util.List;

/**
 * Everything a game-day report says, computed from one journal in one streaming pass by
 * {@link RunAnalyzer}, in parts: a report section, the JUnit suite, reads only the parts it needs.
 * The figures in them are the judge's (the runner's own, or recomputed with the same judge); nothing
 * reading them computes one again.
 */
public record RunAnalysis(
        RunOutline outline,
        Judgement judgement,
        Faults faults,
        Incidents incidents,
        Probes probes,
        EventTimeline timeline,
        JournalHealth health,
        List<TabletopNote> notes) {

    public RunAnalysis {
        notes = List.copyOf(notes);
    }

    /** The share of samples that failed: the unavailability the run measured. */
    public double failedRatio() {
        return judgement.samples() == 0 ? 0 : judgement.failedSamples() / (double) judgement.samples();
    }

    /**
     * The error budget the run used, in milliseconds of unavailability: the failed share over the run's
     * duration (the report's figure; a plan's total is the sum of its runs').
     */
    public double budgetCostMs() {
        return failedRatio() * outline.durationMs();
    }
}
