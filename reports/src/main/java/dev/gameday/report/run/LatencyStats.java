package dev.gameday.report.run;

import org.HdrHistogram.Histogram;

/**
 * Samples folded into counts and an HdrHistogram of latencies (microseconds): constant memory
 * whatever the number of samples, for the charts and the whole-run table. Failed samples count in the
 * latency too (a timeout is recorded at the timeout). Tolerances are never judged from these: the
 * judge's windows decide.
 */
final class LatencyStats {
    private final Histogram histogram;
    private long count;
    private long failures;

    LatencyStats(int significantDigits) {
        histogram = new Histogram(significantDigits);
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
    }

    long count() {
        return count;
    }

    long failures() {
        return failures;
    }

    double successRatio() {
        return count == 0 ? Double.NaN : (count - failures) / (double) count;
    }

    double percentileMs(double percentile) {
        return count == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

}
