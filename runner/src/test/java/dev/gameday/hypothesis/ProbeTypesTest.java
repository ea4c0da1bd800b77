package dev.gameday.hypothesis;

import static dev.gameday.hypothesis.TestProbes.closedPort;
import static dev.gameday.hypothesis.TestProbes.get;
import static dev.gameday.hypothesis.TestProbes.once;
import static dev.gameday.hypothesis.TestProbes.probe;
import static dev.gameday.hypothesis.TestProbes.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.experiment.CommandTarget;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.TcpTarget;
import dev.gameday.hypothesis.spi.ProbeTypes;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProbeTypesTest {
    private static Vertx vertx;
    private static String base;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        int port = serve(vertx, request -> {
            switch (request.path()) {
                case "/stock" -> request.response().putHeader("content-type", "application/json")
                        .end("{\"items\":[{\"stock\":5,\"sku\":\"A-1\"}],\"open\":true}");
                case "/unavailable" -> request.response().setStatusCode(503).end("down");
                case "/echo" -> request.body().onSuccess(body -> request.response()
                        .end(request.method() + " " + request.getHeader("X-Token") + " " + body));
                default -> request.response().end("hello world");
            }
        });
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static Sample sample(dev.gameday.experiment.ProbeTarget target) {
        return ProbeSampler.sampleOnce(vertx, once(target), Redactor.NONE).await();
    }

    private static HttpTarget http(String path, List<Integer> status, String contains, String jsonPath, String equals) {
        return new HttpTarget("GET", base + path, Map.of(), null, status, contains, jsonPath, equals);
    }

    @Test
    void httpSucceedsOnAny2xxByDefaultAndMeasuresLatency() {
        Sample s = sample(get(base + "/"));
        assertThat(s.ok()).isTrue();
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.error()).isNull();
        assertThat(s.latencyMs()).isPositive().isLessThan(2000);
        assertThat(s.probe()).isEqualTo("p");
    }

    @Test
    void httpFailsOnAnUnexpectedStatus() {
        Sample s = sample(http("/unavailable", List.of(200, 204), null, null, null));
        assertThat(s.ok()).isFalse();
        assertThat(s.status()).isEqualTo(503);
        assertThat(s.error()).isEqualTo("status 503, expected 200 or 204");
        assertThat(sample(get(base + "/unavailable")).error()).isEqualTo("status 503, expected 2xx");
        assertThat(sample(http("/unavailable", List.of(503), null, null, null)).ok()).isTrue();
    }

    @Test
    void httpChecksTheBody() {
        assertThat(sample(http("/", List.of(), "world", null, null)).ok()).isTrue();
        Sample s = sample(http("/", List.of(), "planet", null, null));
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).isEqualTo("body lacks \"planet\"");
    }

    @Test
    void httpChecksAJsonPath() {
        assertThat(sample(http("/stock", List.of(200), null, "$.items[0].stock", "5")).ok()).isTrue();
        assertThat(sample(http("/stock", List.of(200), null, "$.items[0].stock", "5.0")).ok()).isTrue();
        assertThat(sample(http("/stock", List.of(200), null, "$['items'][0].sku", "A-1")).ok()).isTrue();
        assertThat(sample(http("/stock", List.of(200), null, "$.open", "true")).ok()).isTrue();
        assertThat(sample(http("/stock", List.of(200), null, "$.items[0]", null)).ok()).isTrue();
        assertThat(sample(http("/stock", List.of(200), null, "$.items[0].stock", "6")).error())
                .isEqualTo("$.items[0].stock is 5, expected 6");
        assertThat(sample(http("/stock", List.of(200), null, "$.items[1].stock", null)).error())
                .isEqualTo("$.items[1].stock not found");
        assertThat(sample(http("/", List.of(200), null, "$.items", null)).error()).isEqualTo("body is not JSON");
    }

    @Test
    void httpSendsMethodHeadersAndBody() {
        HttpTarget post = new HttpTarget("post", base + "/echo", Map.of("X-Token", "t1"), "payload",
                List.of(200), "POST t1 payload", null, null);
        assertThat(sample(post).ok()).isTrue();
    }

    @Test
    void httpFailsWhenNothingListens() {
        Sample s = sample(get("http://127.0.0.1:" + closedPort(vertx) + "/"));
        assertThat(s.ok()).isFalse();
        assertThat(s.status()).isNull();
        assertThat(s.error()).isNotBlank();
    }

    @Test
    void httpRejectsABadUrlOrJsonPathWhenOpened() {
        assertThatThrownBy(() -> ProbeSampler.sampleOnce(vertx, once(get("ftp://x/")), Redactor.NONE).await())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> sample(http("/", List.of(), null, "items[0]", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '$'");
    }

    @Test
    void tcpSucceedsWhenAConnectionOpensAndFailsWhenRefused() {
        int open = vertx.createNetServer().connectHandler(socket -> {}).listen(0, "127.0.0.1").await().actualPort();
        Sample ok = sample(new TcpTarget("127.0.0.1", open));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.status()).isNull();
        Sample refused = sample(new TcpTarget("127.0.0.1", closedPort(vertx)));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).containsIgnoringCase("refused");
    }

    @Test
    void commandChecksExitCodeAndStdout() {
        Sample ok = sample(new CommandTarget(List.of("sh", "-c", "echo ready"), 0, "ready"));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.status()).isZero();
        Sample exit = sample(new CommandTarget(List.of("sh", "-c", "exit 3"), 0, null));
        assertThat(exit.ok()).isFalse();
        assertThat(exit.status()).isEqualTo(3);
        assertThat(exit.error()).isEqualTo("exit 3, expected 0");
        assertThat(sample(new CommandTarget(List.of("sh", "-c", "exit 3"), 3, null)).ok()).isTrue();
        assertThat(sample(new CommandTarget(List.of("sh", "-c", "echo busy"), 0, "ready")).error())
                .isEqualTo("stdout lacks \"ready\"");
    }

    @Test
    void commandIsKilledAfterItsTimeout() {
        Sample s = ProbeSampler.sampleOnce(vertx,
                probe(new CommandTarget(List.of("sleep", "30"), 0, null), Duration.ofSeconds(1), Duration.ofMillis(300)),
                Redactor.NONE).await();
        assertThat(s.ok()).isFalse();
        assertThat(s.error()).isEqualTo("timeout after 300ms");
        assertThat(s.latencyMs()).isEqualTo(300.0);
    }

    @Test
    void errorTextsAreRedacted() {
        Redactor redactor = Redactor.of(List.of("s3cr3t"));
        Sample missing = ProbeSampler.sampleOnce(vertx,
                once(new CommandTarget(List.of("/nonexistent/tool-s3cr3t"), 0, null)), redactor).await();
        assertThat(missing.ok()).isFalse();
        assertThat(missing.error()).contains("tool-***").doesNotContain("s3cr3t");
        Sample body = ProbeSampler.sampleOnce(vertx,
                once(http("/", List.of(), "Bearer s3cr3t", null, null)), redactor).await();
        assertThat(body.error()).isEqualTo("body lacks \"Bearer ***\"");
    }

    @Test
    void unknownTypesAreNamedWithTheKnownOnes() {
        assertThat(ProbeTypes.names()).contains("command", "http", "tcp");
        assertThatThrownBy(() -> ProbeTypes.of("smtp"))
                .hasMessageStartingWith("unknown probe type 'smtp' (known: ")
                .hasMessageContaining("command, ");
    }
}
