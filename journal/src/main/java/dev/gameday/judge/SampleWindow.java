package dev.gameday.judge;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The samples of one probe whose slot times lie in {@code (end - length, end]}, where {@code end} is
 * the newest slot added. Percentiles are exact, by nearest rank over the window's latencies (failed
 * samples at their latency, timeouts at the timeout): the value at rank {@code ceil(p/100 × n)}. The
 * latencies are kept sorted, so adding and evicting cost a binary search and a short array move (a
 * window holds {@code length / interval} samples, tens to a few thousand).
 */
public final class SampleWindow {
    private final long lengthMs;
    private final ArrayDeque<long[]> slots = new ArrayDeque<>();
    private double[] sorted = new double[16];
    private int size;
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

    /** Adds a sample due at {@code t}, then drops those due at or before {@code newest t - length}. */
    public void add(long t, boolean ok, double ms) {
        slots.addLast(new long[] {t, Double.doubleToRawLongBits(ms), ok ? 1 : 0});
        insert(ms);
        if (!ok) {
            failures++;
        }
        endT = Math.max(endT, t);
        long cutoff = endT - lengthMs;
        while (!slots.isEmpty() && slots.peekFirst()[0] <= cutoff) {
            long[] gone = slots.removeFirst();
            remove(Double.longBitsToDouble(gone[1]));
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
        return size;
    }

    public int failures() {
        return failures;
    }

    /** The fraction of samples that succeeded; NaN when empty. */
    public double successRatio() {
        return size == 0 ? Double.NaN : (double) (size - failures) / size;
    }

    /** The latency at percentile {@code p} in (0, 100], by nearest rank; NaN when empty. */
    public double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1];
    }

    private void insert(double ms) {
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, size * 2);
        }
        int at = Arrays.binarySearch(sorted, 0, size, ms);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = ms;
        size++;
    }

    private void remove(double ms) {
        int at = Arrays.binarySearch(sorted, 0, size, ms);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }
}
