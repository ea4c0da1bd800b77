package dev.gameday.report.run.analysis;

import org.HdrHistogram.Histogram;

/**
 * Samples folded into counts and an HdrHistogram of latencies (microseconds): constant memory
 * whatever the number of samples, for the charts and the whole-run table. Failed samples count in the
 * latency too (a timeout is recorded at the timeout). The lowest and highest measured value are kept
 * for probes that measure one. Tolerances are never judged from these: the judge's windows decide.
 */
public final class LatencyStats {
    private final Histogram histogram;
    private long count;
    private long failures;
    private double minValue = Double.NaN;
    private double maxValue = Double.NaN;

    LatencyStats(int significantDigits) {
        histogram = new Histogram(significantDigits);
    }

    /** A sample; {@code value} is what it measured, NaN when nothing. */
    void add(boolean ok, double ms, double value) {
        if (!Double.isNaN(value)) {
            minValue = Double.isNaN(minValue) ? value : Math.min(minValue, value);
            maxValue = Double.isNaN(maxValue) ? value : Math.max(maxValue, value);
        }
        add(ok, ms);
    }

    void add(boolean ok, double ms) {
        count++;
        if (!ok) {
            failures++;
        }
        histogram.recordValue(Math.max(0, Math.round(ms * 1000)));
    }

    void add(LatencyStats other) {
        count += other.count;
        failures += other.failures;
        histogram.add(other.histogram);
        if (!Double.isNaN(other.minValue)) {
            minValue = Double.isNaN(minValue) ? other.minValue : Math.min(minValue, other.minValue);
            maxValue = Double.isNaN(maxValue) ? other.maxValue : Math.max(maxValue, other.maxValue);
        }
    }

    /** The lowest measured value; NaN when no sample measured one. */
    public double minValue() {
        return minValue;
    }

    /** The highest measured value; NaN when no sample measured one. */
    public double maxValue() {
        return maxValue;
    }

    public long count() {
        return count;
    }

    public long failures() {
        return failures;
    }

    public double successRatio() {
        return count == 0 ? Double.NaN : (count - failures) / (double) count;
    }

    public double percentileMs(double percentile) {
        return count == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

}
