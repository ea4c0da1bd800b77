package dev.gameday.report.run.section;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.judge.Metric;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.report.run.analysis.EvidenceText;
import dev.gameday.report.run.analysis.Judgement;
import dev.gameday.report.run.analysis.Probes.ProbeData;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Expected vs observed: each tolerance over each phase (and fault step), then each probe over the whole run. */
final class ExpectedVsObservedSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        Judgement judgement = run.judgement();
        doc.heading(1, "Expected vs observed");
        if (judgement.evidence().isEmpty()) {
            doc.note(Tone.WARN, "No tolerance could be judged: the journal has no experiment copy or no phase events.");
            return;
        }
        doc.paragraph("Each tolerance of the steady state over each phase of the run: every full sliding window "
                + "of the tolerance window inside the phase (a window never reaches into another phase; a phase "
                + "shorter than one window is judged whole), ending at each sample; the figure is the worst window. "
                + "A fault step's row judges the method's windows that overlap it. Recovery is shown for "
                + "information: it is judged by the time to recover below. "
                + (judgement.recomputed() != null ? "These figures were recomputed from the journal's samples with the "
                        + "runner's judge (" + judgement.recomputed() + ")."
                        : "These are the figures the runner decided the verdict on (its verdict event)."));
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Evidence e : judgement.evidence()) {
            rows.add(List.of(Inline.plain(e.probe()), Inline.plain(Metric.parse(e.tolerance()).label()),
                    List.of(new Inline.Code(e.expected())), Inline.plain(EvidenceText.where(e)),
                    Inline.plain(e.observedText() == null ? "–" : e.observedText()),
                    Inline.plain(Long.toString(e.samples())), List.of(badge(e.status())),
                    Inline.plain(detail(e, run.outline()))));
        }
        doc.add(new Block.Table(List.of("Probe", "Tolerance", "Target", "Phase", "Observed", "Samples", "Result",
                "Evidence"), rows));
        Map<String, ProbeData> probes = run.probes().byName();
        if (!probes.isEmpty()) {
            doc.heading(2, "Probes over the whole run");
            List<List<List<Inline>>> probeRows = new ArrayList<>();
            probes.forEach((name, data) -> probeRows.add(List.of(Inline.plain(name),
                    Inline.plain(Long.toString(data.overall().count())), Inline.plain(Long.toString(data.overall().failures())),
                    Inline.plain(Units.percent(data.overall().successRatio())),
                    Inline.plain(Units.latency(data.overall().percentileMs(50))),
                    Inline.plain(Units.latency(data.overall().percentileMs(95))),
                    Inline.plain(Units.latency(data.overall().percentileMs(99))),
                    Inline.plain(Units.latency(data.overall().percentileMs(100))))));
            doc.add(new Block.Table(List.of("Probe", "Samples", "Failed", "Success", "p50", "p95", "p99", "Max"), probeRows));
        }
    }

    /** How the figure was reached, in a reader's words. */
    private static String detail(Evidence e, RunOutline outline) {
        if (e.windows() == 0) {
            return e.samples() == 0 ? "no samples" : e.samples() + " samples, no window judged";
        }
        String windows = e.windows() == 1 ? "one window (the phase judged whole)" : "worst of " + e.windows() + " windows";
        String outside = e.failingWindows() == 0 ? "" : "; " + e.failingWindows() + " outside the bound, the first ending "
                + EvidenceText.firstFailingOffset(e, outline);
        return windows + " over " + e.samples() + " samples (" + e.failures() + " failed)" + outside;
    }

    private static Inline badge(Status status) {
        return switch (status) {
            case PASS -> new Inline.Badge("PASS", Tone.OK);
            case FAIL -> new Inline.Badge("FAIL", Tone.BAD);
            case NO_DATA -> new Inline.Badge("NO DATA", Tone.WARN);
            case INFO -> new Inline.Badge("INFO", Tone.NEUTRAL);
        };
    }
}
