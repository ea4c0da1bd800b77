package dev.gameday.judge;

import java.util.ArrayDeque;

/**
 * The samples of one probe whose slot times lie in {@code (end - length, end]}, where {@code end} is
 * the newest slot added. Percentiles are exact, by nearest rank over the window's latencies (failed
 * samples at their latency, timeouts at the timeout): the value at rank {@code ceil(p/100 × n)}. The
 * measured values of the samples that carry one (a probe such as {@code prometheus}) are kept too, for
 * their lowest and highest. Both are kept sorted ({@link SortedValues}).
 */
public final class SampleWindow {
    private final long lengthMs;
    /** Per sample: slot time, latency bits, ok (1/0), value bits (NaN when none). */
    private final ArrayDeque<long[]> slots = new ArrayDeque<>();
    private final SortedValues latencies = new SortedValues();
    private final SortedValues values = new SortedValues();
    private int failures;
    private long endT = Long.MIN_VALUE;

    public SampleWindow(long lengthMs) {
        if (lengthMs <= 0) {
            throw new IllegalArgumentException("window length must be positive");
        }
        this.lengthMs = lengthMs;
    }

    public long lengthMs() {
        return lengthMs;
    }

    /** Adds a sample without a measured value; see {@link #add(long, boolean, double, double)}. */
    public void add(long t, boolean ok, double ms) {
        add(t, ok, ms, Double.NaN);
    }

    /**
     * Adds a sample due at {@code t} with its measured {@code value} (NaN when it has none), then drops
     * those due at or before {@code newest t - length}.
     */
    public void add(long t, boolean ok, double ms, double value) {
        slots.addLast(new long[] {t, Double.doubleToRawLongBits(ms), ok ? 1 : 0, Double.doubleToRawLongBits(value)});
        latencies.add(ms);
        if (!Double.isNaN(value)) {
            values.add(value);
        }
        if (!ok) {
            failures++;
        }
        endT = Math.max(endT, t);
        long cutoff = endT - lengthMs;
        while (!slots.isEmpty() && slots.peekFirst()[0] <= cutoff) {
            long[] gone = slots.removeFirst();
            latencies.remove(Double.longBitsToDouble(gone[1]));
            double goneValue = Double.longBitsToDouble(gone[3]);
            if (!Double.isNaN(goneValue)) {
                values.remove(goneValue);
            }
            if (gone[2] == 0) {
                failures--;
            }
        }
    }

    /** The newest slot time added; {@code Long.MIN_VALUE} when none. */
    public long endT() {
        return endT;
    }

    /** Where the window starts: samples due after this instant are in it. */
    public long startT() {
        return endT - lengthMs;
    }

    /** The slot time of the oldest sample in the window; {@code Long.MIN_VALUE} when empty. */
    public long oldestT() {
        return slots.isEmpty() ? Long.MIN_VALUE : slots.peekFirst()[0];
    }

    public int count() {
        return latencies.size();
    }

    public int failures() {
        return failures;
    }

    /** The fraction of samples that succeeded; NaN when empty. */
    public double successRatio() {
        int size = count();
        return size == 0 ? Double.NaN : (double) (size - failures) / size;
    }

    /** The latency at percentile {@code p} in (0, 100], by nearest rank; NaN when empty. */
    public double percentileMs(double p) {
        int size = count();
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return latencies.atRank(Math.min(size, Math.max(1, rank)));
    }

    /** How many samples in the window carry a measured value. */
    public int valueCount() {
        return values.size();
    }

    /** The lowest measured value in the window; NaN when no sample carries one. */
    public double minValue() {
        return values.size() == 0 ? Double.NaN : values.atRank(1);
    }

    /** The highest measured value in the window; NaN when no sample carries one. */
    public double maxValue() {
        return values.size() == 0 ? Double.NaN : values.atRank(values.size());
    }
}
