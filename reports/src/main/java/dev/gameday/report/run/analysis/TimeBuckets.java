package dev.gameday.report.run.analysis;

/**
 * One probe's samples aggregated per time bucket for the charts. The number of buckets is fixed; when
 * a sample falls beyond the last one, neighbours merge and the bucket width doubles, so memory stays
 * constant however long the run.
 */
public final class TimeBuckets {
    public static final int MAX_BUCKETS = 240;

    private long widthMs;
    private LatencyStats[] buckets = new LatencyStats[MAX_BUCKETS];

    TimeBuckets(long initialWidthMs) {
        widthMs = Math.max(1, initialWidthMs);
    }

    void add(long offsetMs, boolean ok, double ms, double value) {
        long index = Math.max(0, offsetMs) / widthMs;
        while (index >= MAX_BUCKETS) {
            compact();
            index = Math.max(0, offsetMs) / widthMs;
        }
        LatencyStats bucket = buckets[(int) index];
        if (bucket == null) {
            bucket = new LatencyStats(2);
            buckets[(int) index] = bucket;
        }
        bucket.add(ok, ms, value);
    }

    private void compact() {
        LatencyStats[] merged = new LatencyStats[MAX_BUCKETS];
        for (int i = 0; i < MAX_BUCKETS; i++) {
            LatencyStats b = buckets[i];
            if (b == null) {
                continue;
            }
            int target = i / 2;
            if (merged[target] == null) {
                merged[target] = b;
            } else {
                merged[target].add(b);
            }
        }
        buckets = merged;
        widthMs *= 2;
    }

    public long widthMs() {
        return widthMs;
    }

    /** The bucket at {@code index}, or null when no sample fell into it. */
    public LatencyStats bucket(int index) {
        return buckets[index];
    }
}
