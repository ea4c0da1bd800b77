package dev.gameday.hypothesis;

import static dev.gameday.hypothesis.SlidingWindowTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.TcpTarget;
import dev.gameday.experiment.Tolerance;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToleranceCheckTest {
    private static Probe probe(Tolerance tolerance) {
        return new Probe("product-page", Duration.ofMillis(100), Duration.ofSeconds(2),
                Set.of(CheckPhase.CONTINUOUSLY), new TcpTarget("127.0.0.1", 1), tolerance);
    }

    @Test
    void evaluatesEveryBound() {
        SlidingWindow window = new SlidingWindow(Duration.ofSeconds(10));
        for (int i = 0; i < 40; i++) {
            window.add(sample(i, i != 0, i < 37 ? 100 : 912)); // 97.5% ok; p95 in the slow tail
        }
        List<ToleranceResult> results = ToleranceCheck.evaluate(probe(TestProbes.TOLERANCE), window);

        assertThat(results).hasSize(2);
        ToleranceResult ratio = results.get(0);
        assertThat(ratio.probe()).isEqualTo("product-page");
        assertThat(ratio.tolerance()).isEqualTo("successRatio");
        assertThat(ratio.expected()).isEqualTo(">= 99%");
        assertThat(ratio.observed()).isEqualTo(0.975);
        assertThat(ratio.observedText()).isEqualTo("97.5%");
        assertThat(ratio.holds()).isFalse();
        ToleranceResult p95 = results.get(1);
        assertThat(p95.tolerance()).isEqualTo("p95");
        assertThat(p95.expected()).isEqualTo("<= 800ms");
        assertThat(p95.observed()).isCloseTo(912, within(1.0));
        assertThat(p95.observedText()).isEqualTo("912ms");
        assertThat(p95.holds()).isFalse();
    }

    @Test
    void holdsWhenEveryBoundIsMet() {
        Tolerance tolerance = new Tolerance(Duration.ofSeconds(2), new RatioBound(Comparison.GE, 0.999),
                List.of(new LatencyBound(99.9, Comparison.LT, Duration.ofSeconds(2)),
                        new LatencyBound(50, Comparison.LE, Duration.ofMillis(5))));
        SlidingWindow window = new SlidingWindow(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            window.add(sample(i, true, 3.25));
        }
        List<ToleranceResult> results = ToleranceCheck.evaluate(probe(tolerance), window);
        assertThat(results).extracting(ToleranceResult::tolerance).containsExactly("successRatio", "p99.9", "p50");
        assertThat(results).extracting(ToleranceResult::expected).containsExactly(">= 99.9%", "< 2s", "<= 5ms");
        assertThat(results).extracting(ToleranceResult::observedText).containsExactly("100%", "3.3ms", "3.3ms");
        assertThat(results).allMatch(ToleranceResult::holds);
    }

    @Test
    void anEmptyWindowHoldsNothing() {
        Tolerance latencyOnly = new Tolerance(Duration.ofSeconds(2), null,
                List.of(new LatencyBound(95, Comparison.LE, Duration.ofMillis(800))));
        List<ToleranceResult> results = ToleranceCheck.evaluate(probe(latencyOnly), new SlidingWindow(Duration.ofSeconds(2)));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.holds()).isFalse();
            assertThat(r.observed()).isNaN();
            assertThat(r.observedText()).isEqualTo("no samples");
        });
    }
}
