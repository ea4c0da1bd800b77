package dev.gameday.hypothesis;

import static dev.gameday.hypothesis.TestProbes.get;
import static dev.gameday.hypothesis.TestProbes.probe;
import static dev.gameday.hypothesis.TestProbes.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gameday.experiment.Redactor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProbeSamplerTest {
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @Test
    void keepsItsRateWhenTheTargetIsSlowerThanTheInterval() {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        int port = serve(vertx, request -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            vertx.setTimer(1000, t -> {
                concurrent.decrementAndGet();
                request.response().end("slow");
            });
        });
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Set<Context> sinkContexts = ConcurrentHashMap.newKeySet();
        ProbeSampler sampler = new ProbeSampler(vertx,
                probe(get("http://127.0.0.1:" + port + "/"), Duration.ofMillis(100), Duration.ofSeconds(2)),
                Redactor.NONE, s -> {
                    sinkContexts.add(Vertx.currentContext());
                    samples.add(s);
                });
        sampler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> samples.size() >= 25);
        sampler.stop().await();
        int delivered = samples.size();

        long first = samples.stream().mapToLong(Sample::scheduledAt).min().orElseThrow();
        long last = samples.stream().mapToLong(Sample::scheduledAt).max().orElseThrow();
        double perSecond = (delivered - 1) * 1000.0 / (last - first);
        assertThat(perSecond).isBetween(7.0, 13.0);
        // Every slot of the fixed-rate schedule got exactly one sample, stamped with its slot time.
        assertThat(samples).extracting(s -> s.scheduledAt() - first)
                .allMatch(offset -> offset % 100 == 0)
                .doesNotHaveDuplicates()
                .hasSize((int) ((last - first) / 100) + 1);
        assertThat(samples).allMatch(Sample::ok).allMatch(s -> s.latencyMs() >= 900 && s.status() == 200);
        assertThat(maxConcurrent.get()).isGreaterThanOrEqualTo(8); // ~10 overlap: none waits for a connection
        assertThat(sinkContexts).hasSize(1).doesNotContainNull();
        assertThat(sampler.dropped()).isZero();
        assertThat(sampler.sendJitterMicros().getTotalCount()).isEqualTo(delivered);
        // Stopped means stopped: nothing arrives afterwards.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> samples.size() == delivered);
    }

    @Test
    void countsATimeoutAsAFailureAtItsScheduledTime() {
        int port = serve(vertx, request -> {}); // never answers
        List<long[]> arrivals = new CopyOnWriteArrayList<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ProbeSampler sampler = new ProbeSampler(vertx,
                probe(get("http://127.0.0.1:" + port + "/"), Duration.ofMillis(100), Duration.ofMillis(300)),
                Redactor.NONE, s -> {
                    arrivals.add(new long[] {s.scheduledAt(), System.currentTimeMillis()});
                    samples.add(s);
                });
        sampler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> samples.size() >= 6);
        sampler.stop().await();

        assertThat(samples).allSatisfy(s -> {
            assertThat(s.ok()).isFalse();
            assertThat(s.error()).isEqualTo("timeout after 300ms");
            assertThat(s.latencyMs()).isEqualTo(300.0);
            assertThat(s.status()).isNull();
        });
        assertThat(arrivals).allMatch(a -> a[1] - a[0] >= 250);
        long first = samples.get(0).scheduledAt();
        assertThat(samples).extracting(s -> s.scheduledAt() - first).allMatch(offset -> offset % 100 == 0);
        assertThat(sampler.dropped()).isZero();
    }

    @Test
    void dropsSlotsWhileTheInFlightCapIsReachedAndResumesAfterwards() {
        HeldProbeType.reset();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ProbeSampler sampler = new ProbeSampler(vertx,
                probe(new HeldProbeType.Target(), Duration.ofMillis(50), Duration.ofMillis(100)),
                Redactor.NONE, samples::add);
        assertThat(sampler.inFlightCap()).isEqualTo(5);
        sampler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> sampler.dropped() >= 3);

        assertThat(HeldProbeType.attempts()).isEqualTo(5);
        assertThat(samples).filteredOn(s -> "in-flight cap reached".equals(s.error()))
                .allMatch(s -> !s.ok() && s.latencyMs() == 100.0)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(samples).filteredOn(s -> "timeout after 100ms".equals(s.error())).hasSize(5);

        HeldProbeType.releaseAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> HeldProbeType.attempts() > 5);
        sampler.stop().await();
        HeldProbeType.releaseAll();
        long capped = samples.stream().filter(s -> "in-flight cap reached".equals(s.error())).count();
        assertThat(capped).isEqualTo(sampler.dropped());
    }

    @Test
    void stopsBeforeStartingWithoutSampling() {
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ProbeSampler sampler = new ProbeSampler(vertx,
                probe(get("http://127.0.0.1:1/"), Duration.ofMillis(100), Duration.ofMillis(300)),
                Redactor.NONE, samples::add);
        sampler.stop().await();
        assertThat(samples).isEmpty();
    }
}
