package dev.gameday.judge;

import java.util.Arrays;

/**
 * A multiset of doubles kept sorted, for a sliding window: adding and removing cost a binary search and
 * a short array move (a window holds tens to a few thousand values), and any rank is read at once.
 */
final class SortedValues {
    private double[] sorted = new double[16];
    private int size;

    int size() {
        return size;
    }

    /** The value at {@code rank} in 1..size, the lowest first. */
    double atRank(int rank) {
        return sorted[rank - 1];
    }

    void add(double value) {
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, size * 2);
        }
        int at = Arrays.binarySearch(sorted, 0, size, value);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
    }

    /** Removes one occurrence of {@code value}, which must be present. */
    void remove(double value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }
}
