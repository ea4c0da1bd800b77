package dev.gameday.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    static Sample sample(long scheduledAt, boolean ok, double latencyMs) {
        return new Sample("p", scheduledAt, ok, latencyMs, ok ? 200 : null, ok ? null : "failed");
    }

    @Test
    void isEmptyAtFirst() {
        SlidingWindow window = new SlidingWindow(Duration.ofSeconds(1));
        assertThat(window.count()).isZero();
        assertThat(window.failures()).isZero();
        assertThat(window.successRatio()).isNaN();
        assertThat(window.percentileMs(95)).isNaN();
        assertThat(window.oldestMs()).isEqualTo(-1);
    }

    @Test
    void countsAndPercentilesOverEverySample() {
        SlidingWindow window = new SlidingWindow(Duration.ofSeconds(10));
        for (int i = 1; i <= 100; i++) {
            window.add(sample(i * 10L, i % 10 != 0, i)); // 1..100 ms, every tenth failed
        }
        assertThat(window.count()).isEqualTo(100);
        assertThat(window.failures()).isEqualTo(10);
        assertThat(window.successRatio()).isEqualTo(0.9);
        assertThat(window.percentileMs(50)).isCloseTo(50, within(0.1));
        assertThat(window.percentileMs(95)).isCloseTo(95, within(0.1));
        assertThat(window.percentileMs(100)).isCloseTo(100, within(0.1));
        assertThat(window.oldestMs()).isEqualTo(10);
    }

    @Test
    void evictsBySlotTimeEvenWhenSamplesArriveOutOfOrder() {
        SlidingWindow window = new SlidingWindow(Duration.ofMillis(1000));
        window.add(sample(1_000, true, 5));
        window.add(sample(1_500, true, 6));
        window.add(sample(1_100, false, 2000)); // a timeout, completing after a later slot
        window.add(sample(2_000, true, 7));
        window.advanceTo(2_100);                // keeps slots >= 1_100
        assertThat(window.count()).isEqualTo(3);
        assertThat(window.failures()).isEqualTo(1);
        assertThat(window.oldestMs()).isEqualTo(1_100);
        assertThat(window.percentileMs(100)).isCloseTo(2000, within(2.0));

        window.advanceTo(2_101);                // the timeout leaves, and so does its latency
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.failures()).isZero();
        assertThat(window.successRatio()).isEqualTo(1.0);
        assertThat(window.percentileMs(100)).isCloseTo(7, within(0.01));
        assertThat(window.oldestMs()).isEqualTo(1_500);

        window.advanceTo(10_000);
        assertThat(window.count()).isZero();
        assertThat(window.percentileMs(50)).isNaN();
    }

    @Test
    void percentilesFollowTheWindowAsItSlides() {
        SlidingWindow window = new SlidingWindow(Duration.ofMillis(500));
        for (int i = 0; i < 1_000; i++) {
            window.add(sample(i, true, i < 500 ? 10 : 100));
            window.advanceTo(i);
        }
        assertThat(window.count()).isEqualTo(501);
        assertThat(window.percentileMs(50)).isCloseTo(100, within(0.1));
        assertThat(window.percentileMs(0.1)).isCloseTo(10, within(0.01));
    }
}
