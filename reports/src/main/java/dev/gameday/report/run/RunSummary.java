package dev.gameday.report.run;

import dev.gameday.journal.Detection;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.report.junit.JUnitSuite;
import dev.gameday.report.run.analysis.FaultWindow;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import dev.gameday.text.Units;

/**
 * A run in one line, for the room's history and a plan's report, from the same analysis as its report
 * (the judge's figures, never recomputed here): what ran, its verdict, how long, the first detection
 * of a fault, the time to recover, the error budget it used ({@code budgetCost} in words, priced by
 * the experiment's slo when it has one) and its JUnit suite.
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
        int notes,
        JUnitSuite junit) {

    static RunSummary of(RunAnalysis run) {
        RunOutline outline = run.outline();
        Long detect = run.faults().windows().stream().map(FaultWindow::detection).filter(Detection::detected)
                .findFirst().map(Detection::knownAfterMs).orElse(null);
        ErrorBudget budget = ErrorBudget.of(outline.experiment());
        double cost = run.budgetCostMs();
        return new RunSummary(outline.runStarted().path("runId").asText(null), outline.experiment().title(),
                outline.runStarted().path("experimentFile").asText(null), outline.experiment().team(),
                outline.experiment().owner(), outline.startT(), outline.durationMs(), run.judgement().verdict(),
                run.judgement().summary(), detect, run.faults().timeToRecoverMs(), cost,
                budget == null ? Units.budgetTime(cost) + " (no slo)" : budget.describeCost(cost),
                run.health().summary().partial(), run.notes().size(), RunJUnit.build(run));
    }
}
