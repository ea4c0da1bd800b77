package dev.gameday.report.run;

import dev.gameday.journal.Detection;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.text.Units;

/**
 * A run in one line of history, from the same analysis as its report (the judge's figures, never
 * recomputed here): what ran, its verdict, how long, the first detection of a fault, the time to
 * recover, and the error budget it used ({@code budgetCost} in words, priced by the experiment's slo
 * when it has one).
 *
 * @param timeToDetectMs when the first detected fault step was detected after its injection; null
 *                       when none was
 * @param partial        the journal did not end or is damaged (a run still going, or one that crashed)
 */
public record RunSummary(
        String runId,
        String title,
        String experimentFile,
        String team,
        String owner,
        long startT,
        long durationMs,
        String verdict,
        String verdictSummary,
        Long timeToDetectMs,
        Long timeToRecoverMs,
        double budgetCostMs,
        String budgetCost,
        boolean partial,
        int notes) {

    static RunSummary of(RunAnalysis run) {
        Long detect = run.faults().stream().map(FaultWindow::detection).filter(Detection::detected).findFirst()
                .map(Detection::knownAfterMs).orElse(null);
        ErrorBudget budget = ErrorBudget.of(run.experiment());
        double cost = run.budgetCostMs();
        return new RunSummary(run.runStarted().path("runId").asText(null), run.experiment().title(),
                run.runStarted().path("experimentFile").asText(null), run.experiment().team(),
                run.experiment().owner(), run.startT(), run.durationMs(), run.verdict(), run.verdictSummary(), detect,
                run.timeToRecoverMs(), cost, budget == null ? Units.budgetTime(cost) : budget.describeCost(cost),
                run.journal().partial(), run.notes().size());
    }
}
