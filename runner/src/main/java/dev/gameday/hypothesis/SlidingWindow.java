package dev.gameday.hypothesis;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;

/**
 * The samples of the last {@code length} of time, by {@link Sample#scheduledAt()}. Samples may arrive out
 * of slot order (a timeout completes long after faster, later slots), so eviction goes by slot time, not
 * arrival. Counts are kept incrementally and latencies in one HdrHistogram (microseconds, 3 significant
 * digits, so percentiles are within 0.1%) from which evicted samples are subtracted: adding and evicting
 * are O(log n), a percentile is one pass over the histogram's buckets, independent of the sample count.
 *
 * <p>Advance with the newest slot time you have seen rather than the wall clock if samples that complete
 * late (timeouts) must stay in the window they belong to. Not thread-safe.
 */
public final class SlidingWindow {
    private final long lengthMs;
    private final PriorityQueue<Sample> samples =
            new PriorityQueue<>(Comparator.comparingLong(Sample::scheduledAt));
    private final Histogram latencyMicros = new Histogram(3);
    private int failures;

    public SlidingWindow(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("window length must be positive");
        }
        this.lengthMs = length.toMillis();
    }

    public void add(Sample s) {
        samples.add(s);
        latencyMicros.recordValue(micros(s));
        if (!s.ok()) {
            failures++;
        }
    }

    /** Evicts the samples due before {@code nowMs - length}. */
    public void advanceTo(long nowMs) {
        long cutoff = nowMs - lengthMs;
        while (!samples.isEmpty() && samples.peek().scheduledAt() < cutoff) {
            Sample evicted = samples.poll();
            // HdrHistogram has no "remove": a negative count undoes the recording exactly.
            latencyMicros.recordValueWithCount(micros(evicted), -1);
            if (!evicted.ok()) {
                failures--;
            }
        }
    }

    public int count() {
        return samples.size();
    }

    public int failures() {
        return failures;
    }

    /** The fraction of samples that succeeded; NaN when the window is empty. */
    public double successRatio() {
        return samples.isEmpty() ? Double.NaN : (double) (samples.size() - failures) / samples.size();
    }

    /**
     * The latency at percentile {@code p} (0..100] over every sample in the window, failed ones at their
     * latency and timeouts at the timeout; NaN when empty.
     */
    public double percentileMs(double p) {
        return samples.isEmpty() ? Double.NaN : latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    /** The slot time of the oldest sample, or -1 when empty. */
    public long oldestMs() {
        return samples.isEmpty() ? -1 : samples.peek().scheduledAt();
    }

    private static long micros(Sample s) {
        return Math.max(0, Math.round(s.latencyMs() * 1000));
    }
}
