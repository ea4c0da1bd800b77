package dev.gameday.report.run.section;

import static dev.gameday.report.doc.Inline.text;

import dev.gameday.journal.Detection;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.report.run.analysis.EvidenceText;
import dev.gameday.report.run.analysis.FaultWindow;
import dev.gameday.report.run.analysis.Faults;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/** Detection, recovery and error budget: how each fault step was noticed, how the run came back, what it cost. */
final class DetectionSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        RunOutline outline = run.outline();
        Faults faults = run.faults();
        doc.heading(1, "Detection, recovery and error budget");
        if (faults.windows().isEmpty()) {
            doc.paragraph("No fault step started in this run.");
        } else {
            doc.paragraph("Time to detect: from the injection until the answer of the first failing sample (failed, "
                    + "or slower than its probe's tightest latency limit) sent while the fault was in place came "
                    + "back — the earliest the engine could know. Fault path: what the proxy carried while the "
                    + "fault was in place (for an outage, before it: a disabled proxy accepts nothing).");
            List<List<List<Inline>>> rows = new ArrayList<>();
            for (FaultWindow f : faults.windows()) {
                Detection d = f.detection();
                rows.add(List.of(Inline.plain(f.step()), Inline.plain(f.proxy()), Inline.plain(f.description()),
                        Inline.plain(Units.offset(f.injectedT() - outline.startT())),
                        Inline.plain(f.removedT() == null ? "never seen" : Units.offset(f.removedT() - outline.startT())),
                        Inline.plain(d.detected() ? Units.duration(d.knownAfterMs()) : "not detected"),
                        Inline.plain(d.detected() ? d.probe() + ", sent " + Units.duration(d.sentAfterMs())
                                + " after the injection" : "–"),
                        Inline.plain(EvidenceText.pathText(f.path()))));
            }
            doc.add(new Block.Table(List.of("Fault step", "Proxy", "Fault", "Injected", "Removed", "Time to detect",
                    "First failing sample", "Fault path"), rows));
        }
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Time to recover: "), text(recovery(outline, faults)))));
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Error budget: "), text(cost(run)))));
    }

    private static String recovery(RunOutline outline, Faults faults) {
        Long ttr = faults.timeToRecoverMs();
        Long within = outline.experiment().recoveryWithinMs();
        boolean reached = faults.recoveryReached();
        String recovered = !reached && !faults.windows().isEmpty()
                ? "The run ended before the recovery phase, so the time to recover is unknown"
                : ttr == null
                ? (faults.windows().isEmpty() ? "No fault was removed, so there is no time to recover."
                        : "The steady state did not recover after the faults were removed")
                : ttr == 0 ? "The steady state never broke, so there was nothing to recover from"
                : "The steady state recovered " + Units.duration(ttr) + " after the last fault was removed";
        if (reached && (ttr != null || !faults.windows().isEmpty())) {
            recovered += within == null ? "." : " (bound: " + Units.duration(within) + ", "
                    + (ttr != null && ttr <= within ? "met" : "missed") + ").";
        }
        return recovered.endsWith(".") ? recovered : recovered + ".";
    }

    /** The run's failed samples priced as unavailability, against the experiment's SLO when it sets one. */
    private static String cost(RunAnalysis run) {
        RunOutline outline = run.outline();
        ErrorBudget budget = ErrorBudget.of(outline.experiment());
        double failedRatio = run.failedRatio();
        double costMs = run.budgetCostMs();
        return budget == null
                ? Units.budgetTime(costMs) + " of unavailability (" + Units.percent(failedRatio) + " of samples failed over "
                        + Units.duration(outline.durationMs()) + "); the experiment sets no slo to price it against."
                : "this run used " + budget.describeCost(costMs) + " (" + Units.percent(failedRatio)
                        + " of samples failed over " + Units.duration(outline.durationMs()) + "; "
                        + budget.describeSlo() + ").";
    }
}
