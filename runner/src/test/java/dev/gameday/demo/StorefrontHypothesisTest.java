package dev.gameday.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Tolerance;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.judge.Bound;
import dev.gameday.judge.Metric;
import dev.gameday.judge.SampleWindow;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo experiment's hypothesis (p95 <= 800ms, 99% ok), sampled for real while inventory answers 1 s late. */
class StorefrontHypothesisTest {
    private static final String TOKEN = "demo-s3cr3t";
    private static Vertx vertx;
    private static DemoSystem demo;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        int slowInventory = vertx.createHttpServer().requestHandler(request -> vertx.setTimer(1000,
                        t -> request.response().end("{\"id\":42,\"stock\":7}")))
                .listen(0, "127.0.0.1").await().actualPort();
        demo = DemoSystem.start(vertx, 0, 0, "127.0.0.1:" + slowInventory).await();
    }

    @AfterAll
    static void stop() {
        demo.close().await();
        vertx.close().await();
    }

    /** Ten samples or more through the demo, judged as one window by the run's own bounds. */
    private static SampleWindow sample(String variant) {
        Probe probe = new Probe("product-page", Duration.ofMillis(100), Duration.ofSeconds(2),
                Set.of(CheckPhase.CONTINUOUSLY),
                new HttpTarget("GET", "http://127.0.0.1:" + demo.storefrontPort() + "/products/42?variant=" + variant,
                        Map.of("Authorization", "Bearer " + TOKEN), null, List.of(200), "\"id\":42", null, null),
                new Tolerance(Duration.ofSeconds(2), new RatioBound(Comparison.GE, 0.99),
                        List.of(new LatencyBound(95, Comparison.LE, Duration.ofMillis(800)))));
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ProbeSampler sampler = new ProbeSampler(vertx, probe, Redactor.of(List.of(TOKEN)), samples::add);
        sampler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> samples.size() >= 10);
        sampler.stop().await();
        SampleWindow window = new SampleWindow(60_000);
        samples.forEach(s -> window.add(s.scheduledAt(), s.ok(), s.latencyMs()));
        assertThat(samples).extracting(Sample::error).noneMatch(e -> e != null && e.contains(TOKEN));
        return window;
    }

    @Test
    void resilientStorefrontHoldsTheHypothesis() {
        SampleWindow w = sample("resilient");
        assertThat(RATIO.holds(RATIO.measure(w))).isTrue();
        assertThat(P95.holds(P95.measure(w))).isTrue();
    }

    @Test
    void fragileStorefrontRefutesIt() {
        SampleWindow w = sample("fragile");
        // Fragile waits out inventory's second on every page: latency, not availability, breaks.
        assertThat(P95.holds(P95.measure(w))).isFalse();
        assertThat(P95.measure(w)).isGreaterThan(900);
    }

    private static final Bound RATIO = new Bound(Metric.SUCCESS_RATIO, Comparison.GE, 0.99);
    private static final Bound P95 = new Bound(Metric.percentile(95), Comparison.LE, 800);
}
