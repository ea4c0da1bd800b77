package dev.gameday.report.run.section;

import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.run.analysis.Probes;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.text.Units;

/** Charts: per probe, latency percentiles and success ratio over time, with faults, phases and aborts drawn in. */
final class ChartsSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        Probes probes = run.probes();
        if (probes.byName().isEmpty()) {
            return;
        }
        doc.heading(1, "Charts");
        doc.paragraph("Per probe: latency percentiles and success ratio over time. Shaded: fault windows; dashed red: "
                + "tolerances; dotted grey: phase changes; thick red: aborts.");
        probes.byName().forEach((name, data) -> doc.add(new Block.Figure(ProbeChart.render(run, name, data),
                "Probe " + name + ": latency p50/p95/p99 and success ratio per "
                        + Units.duration(data.buckets().widthMs()) + " bucket",
                "success " + Units.percent(data.overall().successRatio()) + ", p95 "
                        + Units.latency(data.overall().percentileMs(95)))));
    }
}
