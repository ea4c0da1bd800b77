package dev.gameday.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gameday.experiment.AbortCondition;
import dev.gameday.judge.Comparison;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbortWatchTest {
    private static final AbortCondition COLLAPSING = new AbortCondition(
            "storefront-collapsing", "product-page", "successRatio", Comparison.LT, 0.5, Duration.ofSeconds(2));

    private static Sample sample(String probe, long slot, boolean ok, double ms) {
        return new Sample(probe, slot, ok, ms, null, ok ? null : "timeout after 2s");
    }

    @Test
    void tripsOnlyOnceTheSustainedWindowIsCovered() {
        AbortWatch watch = new AbortWatch(COLLAPSING);
        watch.reset(10_000);
        for (long slot = 10_000; slot < 12_000; slot += 100) {
            assertThat(watch.offer(sample("product-page", slot, false, 2000), slot + 2000)).isEmpty();
        }
        Optional<ToleranceResult> tripped = watch.offer(sample("product-page", 12_000, false, 2000), 14_000);
        assertThat(tripped).hasValueSatisfying(r -> {
            assertThat(r.probe()).isEqualTo("product-page");
            assertThat(r.tolerance()).isEqualTo("successRatio");
            assertThat(r.expected()).isEqualTo("< 50%");
            assertThat(r.observed()).isZero();
            assertThat(r.observedText()).isEqualTo("0%");
            assertThat(r.holds()).isTrue();
        });
    }

    @Test
    void doesNotTripWhileTheConditionDoesNotHold() {
        AbortWatch watch = new AbortWatch(COLLAPSING);
        watch.reset(0);
        for (long slot = 0; slot <= 5_000; slot += 100) {
            boolean ok = slot % 500 != 0; // 80% ok
            assertThat(watch.offer(sample("product-page", slot, ok, 10), slot)).isEmpty();
            assertThat(watch.offer(sample("other-probe", slot, false, 10), slot)).isEmpty();
        }
    }

    @Test
    void forgetsWhatCameBeforeAReset() {
        AbortWatch watch = new AbortWatch(COLLAPSING);
        for (long slot = 0; slot <= 3_000; slot += 100) {
            watch.offer(sample("product-page", slot, true, 10), slot);
        }
        watch.reset(3_050);
        assertThat(watch.offer(sample("product-page", 3_000, false, 10), 3_100)).isEmpty();
        for (long slot = 3_100; slot < 5_050; slot += 100) {
            assertThat(watch.offer(sample("product-page", slot, false, 10), slot)).isEmpty();
        }
        assertThat(watch.offer(sample("product-page", 5_100, false, 10), 5_100)).isPresent();
    }

    @Test
    void watchesLatencyPercentiles() {
        AbortWatch watch = new AbortWatch(
                new AbortCondition("slow", "api", "p95", Comparison.GT, 2000, Duration.ofSeconds(1)));
        Optional<ToleranceResult> result = Optional.empty();
        for (long slot = 0; slot <= 1_000; slot += 50) {
            result = watch.offer(sample("api", slot, true, 2500), slot);
        }
        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.tolerance()).isEqualTo("p95");
            assertThat(r.expected()).isEqualTo("> 2s");
            assertThat(r.observed()).isCloseTo(2500, within(3.0));
        });
        assertThatThrownBy(() -> new AbortWatch(
                new AbortCondition("x", "api", "p0", Comparison.GT, 1, Duration.ofSeconds(1))))
                .hasMessageContaining("unknown metric 'p0'");
    }
}
