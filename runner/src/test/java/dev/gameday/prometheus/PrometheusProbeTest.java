package dev.gameday.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.demo.DemoSystem;
import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Tolerance;
import dev.gameday.experiment.ValueBound;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.hypothesis.internal.PrometheusProbe;
import dev.gameday.hypothesis.spi.ProbeTypes;
import dev.gameday.journal.ProbeHistory;
import dev.gameday.judge.Comparison;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code prometheus} probe against a real Prometheus server scraping the demo system's Micrometer
 * metrics every second: scalars, vectors and their reduction, empty answers, Prometheus's errors in
 * words, and the range query of the look-back.
 */
class PrometheusProbeTest {
    private static final String REQUESTS = "http_server_requests_seconds_count";

    @TempDir
    static Path tmp;

    static Vertx vertx;
    static DemoSystem demo;
    static PrometheusServer prometheus;
    static double productRequests;

    @BeforeAll
    static void startPrometheusScrapingTheDemo() throws Exception {
        vertx = Vertx.vertx();
        demo = DemoSystem.start(vertx, 0, 0, null).await();
        prometheus = PrometheusServer.start(tmp.resolve("prometheus"), List.of(
                "127.0.0.1:" + demo.storefrontPort(), "127.0.0.1:" + demo.inventoryPort()));
        WebClient client = WebClient.create(vertx);
        for (int i = 0; i < 5; i++) {
            client.get(demo.storefrontPort(), "127.0.0.1", "/products/" + i).send().await();
        }
        client.get(demo.storefrontPort(), "127.0.0.1", "/products/1?variant=bogus").send().await(); // a 400
        client.close();
        // Once scraped, the counts no longer move: no more traffic reaches the demo.
        productRequests = prometheus.await("sum(" + REQUESTS + "{uri=\"/products/:id\"})", v -> v == 6);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        demo.close().await();
        vertx.close().await();
    }

    private static Sample sample(String query, String reduce, String onEmpty) {
        return sample(prometheus.url(), query, reduce, onEmpty);
    }

    private static Sample sample(String url, String query, String reduce, String onEmpty) {
        return ProbeSampler.sampleOnce(vertx, probe(url, query, reduce, onEmpty), Redactor.NONE).await();
    }

    static Probe probe(String url, String query, String reduce, String onEmpty) {
        return new Probe("sli", Duration.ofSeconds(1), Duration.ofSeconds(2), Set.of(CheckPhase.CONTINUOUSLY),
                new PrometheusProbe.Target(url, query, Map.of(), reduce, onEmpty),
                new Tolerance(Duration.ofSeconds(5), null, List.of(), new ValueBound(Comparison.LE, 0.01)));
    }

    @Test
    void aScalarIsTheValue() {
        Sample s = sample("scalar(sum(" + REQUESTS + "{uri=\"/products/:id\"}))", null, "fail");
        assertThat(s.ok()).as(s.error()).isTrue();
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.value()).isEqualTo(productRequests);
    }

    @Test
    void aVectorOfOneSeriesIsItsValue() {
        Sample s = sample("sum(" + REQUESTS + "{uri=\"/products/:id\"})", null, "fail");
        assertThat(s.ok()).as(s.error()).isTrue();
        assertThat(s.value()).isEqualTo(6.0);
    }

    @Test
    void severalSeriesNeedAReductionAndTheErrorNamesTheirLabels() {
        String query = REQUESTS + "{uri=\"/products/:id\"}"; // status 200 and status 400
        Sample s = sample(query, null, "fail");
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).contains("the query returns 2 series, not one", "status=\"200\"", "status=\"400\"",
                REQUESTS + "{", "write reduce: max, min, sum or avg");
        assertThat(sample(query, "sum", "fail").value()).isEqualTo(6.0);
        assertThat(sample(query, "max", "fail").value()).isEqualTo(5.0);
        assertThat(sample(query, "min", "fail").value()).isEqualTo(1.0);
        assertThat(sample(query, "avg", "fail").value()).isEqualTo(3.0);
    }

    @Test
    void anEmptyAnswerFailsOrMeasuresNothingAsConfigured() {
        String query = REQUESTS + "{status=\"599\"}";
        Sample failed = sample(query, null, "fail");
        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).contains("the query returned no series", "onEmpty: nodata");
        Sample nodata = sample(query, null, "nodata");
        assertThat(nodata.ok()).isTrue();
        assertThat(nodata.value()).isNull();
    }

    @Test
    void anUnknownMetricIsAnEmptyAnswer() {
        Sample s = sample("sum(rate(no_such_metric_total[1m]))", null, "fail");
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).contains("no series", "is the metric name right?");
    }

    @Test
    void zeroOverZeroIsNoValue() {
        Sample s = sample("vector(0) / vector(0)", null, "nodata"); // NaN: a ratio when nothing was counted
        assertThat(s.ok()).as(s.error()).isTrue();
        assertThat(s.value()).isNull();
    }

    @Test
    void badPromqlIsPrometheussOwnErrorInWords() {
        Sample s = sample("sum(rate(" + REQUESTS + "[1m]", null, "fail");
        assertThat(s.ok()).isFalse();
        assertThat(s.status()).isEqualTo(400);
        assertThat(s.error()).startsWith("Prometheus rejected the query: ").contains("parse error");
    }

    @Test
    void aRangeVectorIsExplained() {
        Sample s = sample(REQUESTS + "{uri=\"/products/:id\",status=\"200\"}[1m]", null, "fail");
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).contains("range vector", "rate(x[5m])");
    }

    @Test
    void aUrlThatIsNotPrometheusSaysSo() {
        Sample s = sample("http://127.0.0.1:" + demo.storefrontPort(), "up", null, "fail");
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).contains("HTTP 404 without an answer of the Prometheus API", "base URL");
    }

    @Test
    void theRangeQueryRecordsTheSeriesOverAStretch() {
        long now = System.currentTimeMillis();
        Probe p = probe(prometheus.url(), "sum(" + REQUESTS + "{uri=\"/products/:id\"})", null, "fail");
        List<ProbeHistory.Point> points = ProbeTypes.of("prometheus")
                .history(vertx, p.target(), p.timeout(), now - 30_000, now, 1000).await();
        assertThat(points).isNotEmpty();
        assertThat(points).allSatisfy(point -> assertThat(point.t()).isBetween(now - 30_000, now));
        assertThat(points.get(points.size() - 1).value()).isEqualTo(6.0);
        // Strictly one second apart, and the counter never goes down.
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).t() - points.get(i - 1).t()).isEqualTo(1000);
            assertThat(points.get(i).value()).isGreaterThanOrEqualTo(points.get(i - 1).value());
        }
    }

    @Test
    void aBadRangeQueryFailsInWords() {
        long now = System.currentTimeMillis();
        Probe p = probe(prometheus.url(), "sum(", null, "fail");
        Throwable failure = ProbeTypes.of("prometheus").history(vertx, p.target(), p.timeout(), now - 5000, now, 1000)
                .transform(r -> io.vertx.core.Future.succeededFuture(r.cause())).await();
        assertThat(failure).hasMessageStartingWith("Prometheus rejected the query: ");
    }
}
