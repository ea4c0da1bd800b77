package dev.gameday.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value that misses its bound never reads as the bound itself. */
class BoundTest {
    @Test
    void aLatencyJustOverItsBoundShowsTheDigitsThatMakeItMiss() {
        Bound p95 = new Bound(Metric.percentile(95), Comparison.LE, 20);
        assertThat(p95.format(20.4)).isEqualTo("20.4 ms");
        assertThat(p95.format(20.04)).isEqualTo("20.04 ms");
        assertThat(p95.format(20)).isEqualTo("20 ms");
        assertThat(p95.format(412.3)).isEqualTo("412 ms");
        assertThat(p95.expected()).isEqualTo("<= 20 ms");
    }

    @Test
    void aRatioJustUnderItsBoundShowsTheDigitsThatMakeItMiss() {
        Bound ratio = new Bound(Metric.SUCCESS_RATIO, Comparison.GE, 0.99);
        assertThat(ratio.format(0.98996)).isEqualTo("98.996%");
        assertThat(ratio.format(0.9804)).isEqualTo("98.04%");
        assertThat(ratio.format(0.99)).isEqualTo("99%");
    }

    @Test
    void aValueJustOverItsBoundShowsTheDigitsThatMakeItMiss() {
        Bound value = new Bound(Metric.VALUE, Comparison.LE, 0.01);
        assertThat(value.format(0.0100004)).isEqualTo("0.0100004");
        assertThat(value.format(0.0125)).isEqualTo("0.0125");
    }
}
