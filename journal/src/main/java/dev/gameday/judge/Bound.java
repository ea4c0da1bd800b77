package dev.gameday.judge;

/**
 * One bound of a tolerance or an abort condition: {@code successRatio >= 99%} is
 * {@code Bound(SUCCESS_RATIO, GE, 0.99)}, {@code p95 <= 800ms} is {@code Bound(p95, LE, 800)}.
 * Thresholds are fractions for the ratio and milliseconds for a percentile.
 */
public record Bound(Metric metric, Comparison op, double threshold) {

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

    public String format(double value) {
        return metric.format(value);
    }
}
