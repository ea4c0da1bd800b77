package dev.gameday.report.run.section;

import dev.gameday.text.Units;
import dev.gameday.judge.Bound;
import dev.gameday.judge.Metric;
import dev.gameday.judge.ProbeRule;
import dev.gameday.journal.ProbeHistory;
import dev.gameday.report.run.analysis.FaultWindow;
import dev.gameday.report.run.analysis.Incidents.Abort;
import dev.gameday.report.run.analysis.LatencyStats;
import dev.gameday.report.run.analysis.Probes.ProbeData;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import dev.gameday.report.run.analysis.RunOutline.PhaseMark;
import dev.gameday.report.run.analysis.TimeBuckets;
import dev.gameday.report.svg.TimeChart;
import java.util.ArrayList;
import java.util.List;

/** One probe's chart: latency percentiles and success ratio per bucket, with the run's context drawn in. */
final class ProbeChart {
    private static final double[] PERCENTILES = {50, 95, 99};
    private static final String[] COLORS = {"#0969da", "#bf8700", "#8250df"};

    private ProbeChart() {}

    static String render(RunAnalysis analysis, String probe, ProbeData data) {
        RunOutline run = analysis.outline();
        TimeChart chart = new TimeChart(probe, run.durationMs());
        for (FaultWindow f : analysis.faults().windows()) {
            long to = f.removedT() == null ? run.endT() : f.removedT();
            chart.window(f.injectedT() - run.startT(), to - run.startT(), f.step());
        }
        for (PhaseMark p : run.phases()) {
            if (!p.phase().equals("preflight")) {
                chart.marker(p.t() - run.startT(), p.phase(), false);
            }
        }
        for (Abort a : analysis.incidents().aborts()) {
            chart.marker(a.t() - run.startT(), "abort: " + a.condition(), true);
        }
        TimeBuckets buckets = data.buckets();
        int n = (int) Math.min(TimeBuckets.MAX_BUCKETS, run.durationMs() / buckets.widthMs() + 1);
        long[] xs = new long[n];
        double[][] latency = new double[PERCENTILES.length][n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * buckets.widthMs() + buckets.widthMs() / 2;
            LatencyStats b = buckets.bucket(i);
            for (int p = 0; p < PERCENTILES.length; p++) {
                latency[p][i] = b == null ? Double.NaN : b.percentileMs(PERCENTILES[p]);
            }
            ratio[i] = b == null ? Double.NaN : b.successRatio();
        }
        List<TimeChart.Line> latencyLines = new ArrayList<>();
        for (int p = 0; p < PERCENTILES.length; p++) {
            latencyLines.add(new TimeChart.Line(Metric.percentile(PERCENTILES[p]).name(), COLORS[p], xs, latency[p],
                    p == 1));
        }
        List<TimeChart.Threshold> latencyLimits = new ArrayList<>();
        List<TimeChart.Threshold> ratioLimits = new ArrayList<>();
        ProbeRule rule = analysis.probes().rules() == null ? null : analysis.probes().rules().probe(probe);
        for (Bound b : rule == null ? List.<Bound>of() : rule.bounds()) {
            TimeChart.Threshold line = new TimeChart.Threshold(b.threshold(), b.metric().label() + " " + b.expected());
            if (b.metric().isRatio()) {
                ratioLimits.add(line);
            } else if (b.metric().isLatency()) {
                latencyLimits.add(line);
            }
        }
        chart.panel(new TimeChart.Panel("Latency", Units::latency, 0, 0, latencyLines, latencyLimits));
        chart.panel(new TimeChart.Panel("Success ratio", v -> Units.trim(v * 100, 0) + "%", 0, 1.0,
                List.of(new TimeChart.Line("success", "#1a7f37", xs, ratio, true)), ratioLimits));
        List<Bound> valueBounds = rule == null ? List.of()
                : rule.bounds().stream().filter(b -> b.metric().isValue()).toList();
        if (!valueBounds.isEmpty() || !data.history().isEmpty()) {
            chart.panel(valuePanel(run, data, xs, valueBounds));
        }
        return chart.render();
    }

    /**
     * The measured value: per bucket its worst sample for the bound (the highest unless the bound is a
     * floor), and beside it the target's own record over the run (the look-back), when journaled.
     */
    private static TimeChart.Panel valuePanel(RunOutline run, ProbeData data, long[] xs, List<Bound> bounds) {
        boolean floor = !bounds.isEmpty() && bounds.get(0).lowerIsWorse();
        double[] sampled = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            LatencyStats b = data.buckets().bucket(i);
            sampled[i] = b == null ? Double.NaN : floor ? b.minValue() : b.maxValue();
        }
        List<TimeChart.Line> lines = new ArrayList<>();
        lines.add(new TimeChart.Line(floor ? "sampled (lowest)" : "sampled (highest)", "#0969da", xs, sampled, true));
        for (ProbeHistory h : data.history()) {
            long[] hx = new long[h.points().size()];
            double[] hy = new double[hx.length];
            for (int i = 0; i < hx.length; i++) {
                hx[i] = h.points().get(i).t() - run.startT();
                hy[i] = h.points().get(i).value();
            }
            lines.add(new TimeChart.Line("look-back", "#8250df", hx, hy, false));
        }
        List<TimeChart.Threshold> limits = bounds.stream()
                .map(b -> new TimeChart.Threshold(b.threshold(), b.metric().label() + " " + b.expected())).toList();
        return new TimeChart.Panel("Value", Units::number, 0, 0, lines, limits);
    }
}
