package dev.gameday.judge;

/**
 * One bound of a tolerance or an abort condition: {@code successRatio >= 99%} is
 * {@code Bound(SUCCESS_RATIO, GE, 0.99)}, {@code p95 <= 800ms} is {@code Bound(p95, LE, 800)},
 * {@code value <= 0.01} is {@code Bound(VALUE, LE, 0.01)}. Thresholds are fractions for the ratio,
 * milliseconds for a percentile and plain numbers for a value.
 */
public record Bound(Metric metric, Comparison op, double threshold) {

    /**
     * The metric over a window. For a value, the worst measured value of the window for this bound
     * (the highest for {@code <=}/{@code <}, the lowest for {@code >=}/{@code >}): the window meets the
     * bound exactly when every value measured in it does. NaN when the window has nothing to measure.
     */
    public double measure(SampleWindow window) {
        if (metric.isValue()) {
            return lowerIsWorse() ? window.minValue() : window.maxValue();
        }
        return metric.of(window);
    }

    /** Whether a value meets the bound; an empty window (NaN) meets none. */
    public boolean holds(double value) {
        return !Double.isNaN(value) && op.test(value, threshold);
    }

    /**
     * The worse of two values for this bound: the lower one for {@code >=}/{@code >}, the higher one for
     * {@code <=}/{@code <}. A bound's worst value over a phase decides it: every window met the bound
     * exactly when the worst did.
     */
    public double worse(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return lowerIsWorse() ? Math.min(a, b) : Math.max(a, b);
    }

    public boolean lowerIsWorse() {
        return op == Comparison.GE || op == Comparison.GT;
    }

    /** {@code >= 99%}, {@code <= 800 ms}. */
    public String expected() {
        return op.symbol() + " " + metric.format(threshold);
    }

    /**
     * A value of this bound's metric as people read it, with as many more digits as it takes not to read
     * as the threshold itself: a p95 of 20.4 ms beside {@code <= 20 ms} reads {@code 20.4 ms}, never
     * {@code 20 ms ... NOT MET}.
     */
    public String format(double value) {
        String text = metric.format(value);
        if (Double.isNaN(value) || value == threshold || !text.equals(metric.format(threshold))) {
            return text;
        }
        for (int extra = 1; extra <= 6; extra++) {
            String finer = metric.format(value, extra);
            if (!finer.equals(metric.format(threshold, extra))) {
                return finer;
            }
        }
        return text;
    }
}
