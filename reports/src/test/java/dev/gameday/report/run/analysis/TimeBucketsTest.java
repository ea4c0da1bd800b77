package dev.gameday.report.run.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeBucketsTest {
    @Test
    void bucketsMergeInPairsWhenTheRunOutgrowsThemAndKeepEverySample() {
        TimeBuckets buckets = new TimeBuckets(100);
        // One sample every 10 ms for 10 minutes: far beyond 240 buckets of 100 ms.
        long samples = 0;
        for (long t = 0; t < 600_000; t += 10) {
            buckets.add(t, t % 1000 != 0, t < 300_000 ? 10 : 500, Double.NaN);
            samples++;
        }
        assertThat(buckets.widthMs()).isEqualTo(3200);
        long counted = 0;
        long failures = 0;
        for (int i = 0; i < TimeBuckets.MAX_BUCKETS; i++) {
            LatencyStats b = buckets.bucket(i);
            if (b != null) {
                counted += b.count();
                failures += b.failures();
            }
        }
        assertThat(counted).isEqualTo(samples);
        assertThat(failures).isEqualTo(600);
        assertThat(buckets.bucket(0).percentileMs(50)).isBetween(9.9, 10.1);
        assertThat(buckets.bucket(100).percentileMs(95)).isBetween(495.0, 505.0);
    }
}
