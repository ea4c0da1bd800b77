package dev.gameday.report.run;

import dev.gameday.text.Units;
import dev.gameday.judge.Bound;
import dev.gameday.judge.Metric;
import dev.gameday.judge.ProbeRule;
import dev.gameday.report.run.RunAnalysis.Abort;
import dev.gameday.report.run.RunAnalysis.PhaseMark;
import dev.gameday.report.run.RunAnalysis.ProbeData;
import dev.gameday.report.svg.TimeChart;
import java.util.ArrayList;
import java.util.List;

/** One probe's chart: latency percentiles and success ratio per bucket, with the run's context drawn in. */
final class ProbeChart {
    private static final double[] PERCENTILES = {50, 95, 99};
    private static final String[] COLORS = {"#0969da", "#bf8700", "#8250df"};

    private ProbeChart() {}

    static String render(RunAnalysis run, String probe, ProbeData data) {
        TimeChart chart = new TimeChart(probe, run.durationMs());
        for (FaultWindow f : run.faults()) {
            long to = f.removedT() == null ? run.endT() : f.removedT();
            chart.window(f.injectedT() - run.startT(), to - run.startT(), f.step());
        }
        for (PhaseMark p : run.phases()) {
            if (!p.phase().equals("preflight")) {
                chart.marker(p.t() - run.startT(), p.phase(), false);
            }
        }
        for (Abort a : run.aborts()) {
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
        ProbeRule rule = run.rules() == null ? null : run.rules().probe(probe);
        for (Bound b : rule == null ? List.<Bound>of() : rule.bounds()) {
            TimeChart.Threshold line = new TimeChart.Threshold(b.threshold(), b.metric().label() + " " + b.expected());
            (b.metric().isRatio() ? ratioLimits : latencyLimits).add(line);
        }
        chart.panel(new TimeChart.Panel("Latency", Units::latency, 0, 0, latencyLines, latencyLimits));
        chart.panel(new TimeChart.Panel("Success ratio", v -> Units.trim(v * 100, 0) + "%", 0, 1.0,
                List.of(new TimeChart.Line("success", "#1a7f37", xs, ratio, true)), ratioLimits));
        return chart.render();
    }
}
