package dev.gameday.hypothesis;

import dev.gameday.judge.Comparison;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Tolerance;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a probe's tolerance over a window of its samples. An empty window holds no bound. */
public final class ToleranceCheck {
    private ToleranceCheck() {}

    /** One result per bound: the success ratio first (when set), then the latency bounds in order; none without a tolerance. */
    public static List<ToleranceResult> evaluate(Probe probe, SlidingWindow window) {
        Tolerance tolerance = probe.tolerance();
        if (tolerance == null) {
            return List.of();
        }
        List<ToleranceResult> results = new ArrayList<>();
        if (tolerance.successRatio() != null) {
            results.add(check(probe.name(), Metric.SUCCESS_RATIO, tolerance.successRatio().op(),
                    tolerance.successRatio().ratio(), window));
        }
        for (LatencyBound bound : tolerance.latency()) {
            results.add(check(probe.name(), Metric.percentileOf(bound.percentile()), bound.op(),
                    bound.limit().toNanos() / 1e6, window));
        }
        return List.copyOf(results);
    }

    static ToleranceResult check(String probe, Metric metric, Comparison op, double bound, SlidingWindow window) {
        double observed = metric.read(window);
        return new ToleranceResult(probe, metric.name(), op.symbol() + " " + metric.boundText(bound),
                observed, metric.text(observed), op.test(observed, bound));
    }
}
