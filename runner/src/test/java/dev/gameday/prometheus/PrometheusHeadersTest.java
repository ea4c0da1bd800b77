package dev.gameday.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Tolerance;
import dev.gameday.experiment.ValueBound;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.hypothesis.internal.PrometheusProbe;
import dev.gameday.judge.Comparison;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prometheus behind basic authentication (its own {@code basic_auth_users}): the probe's headers
 * carry the credentials, and the secret in them never shows in what the probe says.
 */
class PrometheusHeadersTest {
    private static final String PASSWORD = "gameday-test-password";
    /** bcrypt (cost 4) of {@link #PASSWORD}, as Prometheus's web configuration wants it. */
    private static final String PASSWORD_HASH = "$2b$04$QiZBWKVroZgp40BsYz5hP.DZ.WAHSOzvEwaD7o5TIuEqUkQe96iBO";
    private static final String CREDENTIALS = Base64.getEncoder()
            .encodeToString(("gameday:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path tmp;

    static Vertx vertx;
    static PrometheusServer prometheus;

    @BeforeAll
    static void startPrometheusWithBasicAuth() throws Exception {
        vertx = Vertx.vertx();
        prometheus = PrometheusServer.start(tmp.resolve("prometheus"), List.of(),
                "basic_auth_users:\n  gameday: " + PASSWORD_HASH + "\n");
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        vertx.close().await();
    }

    private static Sample sample(Map<String, String> headers, Redactor redactor) {
        Probe probe = new Probe("sli", Duration.ofSeconds(1), Duration.ofSeconds(2), Set.of(CheckPhase.CONTINUOUSLY),
                new PrometheusProbe.Target(prometheus.url(), "vector(1)", headers, null, "fail"),
                new Tolerance(Duration.ofSeconds(5), null, List.of(), new ValueBound(Comparison.LE, 1)));
        return ProbeSampler.sampleOnce(vertx, probe, redactor).await();
    }

    @Test
    void theHeadersCarryTheCredentials() {
        Redactor redactor = Redactor.of(List.of(CREDENTIALS));
        // The first answers may come before Prometheus has loaded its storage: it is ready once one is ok.
        Sample s = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> sample(Map.of("Authorization", "Basic " + CREDENTIALS), redactor), Sample::ok);
        assertThat(s.value()).isEqualTo(1.0);
    }

    @Test
    void withoutThemPrometheusRefusesInWordsAndNoSecretIsShown() {
        Redactor redactor = Redactor.of(List.of(CREDENTIALS));
        Sample s = sample(Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("gameday:wrong-" + PASSWORD).getBytes(StandardCharsets.UTF_8))), redactor);
        assertThat(s.ok()).isFalse();
        assertThat(s.status()).isEqualTo(401);
        assertThat(s.error()).contains("401").doesNotContain(PASSWORD).doesNotContain(CREDENTIALS);
    }
}
