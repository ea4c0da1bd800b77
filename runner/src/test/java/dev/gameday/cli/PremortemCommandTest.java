package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.report.Reports;
import dev.gameday.report.premortem.PremortemInput;
import dev.gameday.testing.Ports;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code gameday premortem} through the real entry point, against a real HTTP server for --check. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class PremortemCommandTest {
    private static Vertx vertx;
    private static HttpServer server;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServer() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(r -> r.response().putHeader("content-type", "application/json")
                .end("{\"id\":42}")).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stopServer() {
        vertx.close().await();
    }

    private int run(String... args) {
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** A small experiment whose probe reaches the server at {@code upstreamPort} through the proxy. */
    private Path experiment(int upstreamPort) throws IOException {
        int listen = Ports.free();
        return experiment(upstreamPort, listen, listen);
    }

    /** The probe calls {@code probePort}: the proxy's {@code listenPort}, or the upstream itself to bypass it. */
    private Path experiment(int upstreamPort, int listenPort, int probePort) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), """
                version: 1
                title: Checkout <survives> a slow payment
                owner: bob@example.com
                hypothesis: We believe checkout keeps working because payment calls time out after 300 ms.
                toxiproxy: embedded
                proxies:
                  - name: payment
                    listen: 127.0.0.1:%d
                    upstream: 127.0.0.1:%d
                steadyState:
                  before: 2s
                  after: 2s
                  probes:
                    - name: checkout
                      type: http
                      url: http://127.0.0.1:%d/checkout
                      timeout: 1s
                      interval: 100ms
                      tolerance:
                        window: 1s
                        successRatio: ">= 95%%"
                        latency:
                          p99: "<= 1s"
                method:
                  - name: slow-payment
                    fault: { proxy: payment, toxic: latency, attributes: { latency: 500ms }, duration: 4s }
                recovery:
                  within: 3s
                slo:
                  objective: 99.95%%
                  window: 30d
                """.formatted(listenPort, upstreamPort, probePort));
    }


    @Test
    void writesThePremortemWithoutTouchingAnything() throws Exception {
        Path file = experiment(server.actualPort());
        assertThat(run("premortem", file.toString(), "--out", dir.resolve("pm").toString())).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(dir.resolve("pm/premortem.md").toString(),
                dir.resolve("pm/premortem.html").toString());
        Document html = Jsoup.parse(dir.resolve("pm/premortem.html").toFile());
        assertThat(html.title()).isEqualTo("Pre-mortem: Checkout <survives> a slow payment");
        assertThat(html.selectFirst(".note.neutral").text()).isEqualTo("We believe that when 500 ms latency hits payment "
                + "(127.0.0.1:" + server.actualPort() + "), checkout success ratio >= 95% and p99 <= 1 s holds, because "
                + "payment calls time out after 300 ms.");
        // 2 s + 4 s + 3 s + 2 s = 11 s of a 21.6 min budget (99.95% over 30 d).
        assertThat(html.text()).contains("it would use 11 s of a 21.6 min monthly budget, 0.8%");
        assertThat(html.select(".note.warn").eachText()).anyMatch(t -> t.startsWith("Nobody is named as incident commander"));
    }

    @Test
    void checkIsGreenWhenEverythingAnswersAndRedWhenAnUpstreamIsDown() throws Exception {
        Path file = experiment(server.actualPort());
        assertThat(run("premortem", file.toString(), "--check", "--out", dir.resolve("green").toString()))
                .as(out + "\n" + err).isZero();
        assertThat(out.toString()).containsPattern("ok    Toxiproxy at http://127.0.0.1:\\d+ answers: embedded")
                .contains("ok    proxy payment: created")
                .contains("ok    upstream of proxy payment (127.0.0.1:" + server.actualPort() + ") accepts connections")
                .contains("ok    probe checkout answers: answered in")
                // A tolerance window of samples, and at least 20, judged by the run's judge.
                .containsPattern("ok    steady state of checkout right now: 20 samples through the proxies: successRatio "
                        + "100% \\(tolerance >= 95%\\), p99 [0-9.]+ ms \\(tolerance <= 1 s\\)")
                .containsPattern("ok    traffic crosses proxy payment: \\d+ connections, \\d+ B up, \\d+ B down");
        assertThat(Jsoup.parse(dir.resolve("green/premortem.html").toFile()).selectFirst(".banner-title").text())
                .isEqualTo("Go");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path down = experiment(closed);
        assertThat(run("premortem", down.toString(), "--check", "--out", dir.resolve("red").toString())).isEqualTo(4);
        assertThat(out.toString()).contains("FAIL  upstream of proxy payment (127.0.0.1:" + closed + ") accepts "
                + "connections: proxy payment: its upstream 127.0.0.1:" + closed + " does not accept connections");
        assertThat(err.toString()).contains("pre-flight is red: do not start");
        Document red = Jsoup.parse(dir.resolve("red/premortem.html").toFile());
        assertThat(red.selectFirst(".banner.bad .banner-title").text()).isEqualTo("Do not start");
    }

    /** A probe that reaches the dependency directly never crosses the proxy: a fault on it would prove nothing. */
    @Test
    void checkIsRedWhenTheProbesBypassTheProxy() throws Exception {
        Path file = experiment(server.actualPort(), Ports.free(), server.actualPort());
        assertThat(run("premortem", file.toString(), "--check", "--out", dir.resolve("bypass").toString())).isEqualTo(4);
        assertThat(out.toString()).contains("ok    steady state of checkout right now")
                .contains("FAIL  traffic crosses proxy payment: no traffic crossed proxy payment while the probes "
                        + "sampled: the system under test does not seem to use it");
    }

    @Test
    void aRemoteToxiproxyMustAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path file = experiment(server.actualPort());
        Files.writeString(file, Files.readString(file).replace("toxiproxy: embedded",
                "toxiproxy: http://127.0.0.1:" + closed));
        assertThat(run("premortem", file.toString(), "--check", "--out", dir.resolve("remote").toString())).isEqualTo(4);
        assertThat(out.toString()).contains("FAIL  Toxiproxy at http://127.0.0.1:" + closed + " answers: Toxiproxy at "
                + "http://127.0.0.1:" + closed + " is unreachable");
    }

    @Test
    void anInvalidFileIsBadInputWithItsLocation() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ntitle: x\nmethod: nope\n");
        assertThat(run("premortem", file.toString(), "--out", dir.resolve("x").toString())).isEqualTo(3);
        assertThat(err.toString()).contains(file.toString() + ":").doesNotContain("Exception");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("premortem", "--help")).isZero();
        assertThat(out.toString()).contains("Examples:").contains("--check").contains("--var");
    }

    /** The real example through the real loader: the copy reports read is the one ExperimentJson writes. */
    @Test
    void theShippedExampleRendersAndItsSecretNeverAppears() throws Exception {
        Path example = Path.of("../experiments/storefront-survives-slow-inventory.yaml");
        LoadedExperiment loaded = ExperimentLoader.load(example, Map.of(), Map.of("DEMO_TOKEN", "s3cr3t-token-42"));
        Reports.writePremortem(new PremortemInput(ExperimentJson.toTree(loaded.redacted()), example.toString(),
                loaded.sha256(), Instant.parse("2026-11-23T09:00:00Z"), null), dir);
        String html = Files.readString(dir.resolve("premortem.html"));
        assertThat(html).doesNotContain("s3cr3t-token-42");
        assertThat(Files.readString(dir.resolve("premortem.md"))).doesNotContain("s3cr3t-token-42");
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst(".note.neutral").text()).isEqualTo("We believe that when 400 ms latency ±50 ms hits "
                + "inventory (127.0.0.1:8081), product-page success ratio >= 99% and p95 <= 800 ms holds, because the "
                + "storefront gives up on inventory after 250 ms and shows cached stock.");
        assertThat(doc.text()).contains("Total duration: 18 s at most (method 7 s;")
                .contains("Stop when product-page success ratio stays below 50% for 2 s (storefront-collapsing).")
                .contains("Alice can stop the experiment");
        assertThat(doc.select("ul.checklist li").eachText()).contains("On-call for inventory informed");
    }
}
