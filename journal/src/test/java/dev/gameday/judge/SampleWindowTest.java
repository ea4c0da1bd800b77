package dev.gameday.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleWindowTest {
    @Test
    void percentilesAreExactByNearestRank() {
        SampleWindow w = new SampleWindow(10_000);
        for (int i = 1; i <= 20; i++) {
            w.add(i * 100L, true, i);
        }
        assertThat(w.percentileMs(95)).isEqualTo(19.0); // rank ceil(0.95 × 20) = 19
        assertThat(w.percentileMs(50)).isEqualTo(10.0);
        assertThat(w.percentileMs(100)).isEqualTo(20.0);
        assertThat(w.percentileMs(0.001)).isEqualTo(1.0);
    }

    @Test
    void keepsOnlyTheSamplesOfTheLastLengthBySlotTime() {
        SampleWindow w = new SampleWindow(1000);
        w.add(0, false, 900);
        w.add(500, true, 5);
        w.add(1000, true, 7); // (0, 1000]: the sample due at 0 is out
        assertThat(w.count()).isEqualTo(2);
        assertThat(w.failures()).isZero();
        assertThat(w.successRatio()).isEqualTo(1.0);
        assertThat(w.percentileMs(100)).isEqualTo(7.0);
        assertThat(w.oldestT()).isEqualTo(500);
        assertThat(w.startT()).isEqualTo(0);
    }

    @Test
    void anEmptyWindowMeasuresNothing() {
        SampleWindow w = new SampleWindow(1000);
        assertThat(w.successRatio()).isNaN();
        assertThat(w.percentileMs(95)).isNaN();
        assertThat(new Bound(Metric.SUCCESS_RATIO, Comparison.GE, 0).holds(w.successRatio())).isFalse();
    }

    @Test
    void measuredValuesSlideWithTheWindowAndSamplesWithoutOneAreLeftOut() {
        SampleWindow w = new SampleWindow(300);
        w.add(100, true, 5, 0.5);
        w.add(200, true, 5, Double.NaN); // answered, measured nothing
        w.add(300, false, 5, Double.NaN); // failed
        assertThat(w.minValue()).isEqualTo(0.5);
        assertThat(w.maxValue()).isEqualTo(0.5);
        w.add(400, true, 5, 0.02); // (100, 400]: 0.5 is out
        assertThat(w.count()).isEqualTo(3);
        assertThat(w.minValue()).isEqualTo(0.02);
        assertThat(w.maxValue()).isEqualTo(0.02);
        assertThat(new Bound(Metric.VALUE, Comparison.LE, 0.01).measure(w)).isEqualTo(0.02);
        w.add(700, true, 5, Double.NaN);
        assertThat(w.maxValue()).isNaN();
        assertThat(new Bound(Metric.VALUE, Comparison.GE, 0).holds(new Bound(Metric.VALUE, Comparison.GE, 0).measure(w)))
                .isFalse();
    }

    @Test
    void aValueBoundTakesTheWorstValueOnItsSide() {
        SampleWindow w = new SampleWindow(1000);
        w.add(100, true, 5, 0.2);
        w.add(200, true, 5, 0.9);
        w.add(300, true, 5, 0.4);
        assertThat(new Bound(Metric.VALUE, Comparison.LE, 0.5).measure(w)).isEqualTo(0.9);
        assertThat(new Bound(Metric.VALUE, Comparison.GT, 0.1).measure(w)).isEqualTo(0.2);
    }

    @Test
    void equalLatenciesAreEvictedOneByOne() {
        SampleWindow w = new SampleWindow(300);
        for (int i = 0; i < 10; i++) {
            w.add(i * 100L, i % 2 == 0, 42);
        }
        assertThat(w.count()).isEqualTo(3);
        assertThat(w.percentileMs(50)).isEqualTo(42.0);
        assertThat(w.failures()).isEqualTo(2); // (600, 900]: 700 and 900 failed, 800 succeeded
    }
}
