package dev.gameday.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Prometheus server for tests: Debian's {@code prometheus} binary (which {@code .ci/run} installs
 * with apt-get when missing) on 127.0.0.1 and an ephemeral port, with its storage in a temporary folder
 * and a generated configuration that scrapes the given {@code /metrics} targets every second. A test
 * where the binary is missing is skipped, saying so.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The prometheus binary: on the PATH, or where Debian puts it. */
    static Path binary() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    /** Starts Prometheus scraping {@code targets} ({@code host:port}, path {@code /metrics}) every second; waits until it is ready. */
    public static PrometheusServer start(Path dir, List<String> targets) throws IOException {
        return start(dir, targets, null);
    }

    /**
     * The same with Prometheus's web configuration ({@code --web.config.file}, e.g. basic_auth_users);
     * a server that then answers 401 to anonymous requests counts as up.
     */
    public static PrometheusServer start(Path dir, List<String> targets, String webConfig) throws IOException {
        Path binary = binary();
        assumeTrue(binary != null, "prometheus is not installed (.ci/run installs Debian's prometheus package with"
                + " apt-get; it could not here): the tests against a real Prometheus server are skipped");
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: demo
                    metrics_path: /metrics
                    static_configs:
                      - targets: [%s]
                """.formatted(targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))));
        int port = Ports.free();
        Path log = dir.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        if (webConfig != null) {
            Path web = dir.resolve("web.yml");
            Files.writeString(web, webConfig);
            command.add("--web.config.file=" + web);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            Awaitility.await("Prometheus ready on port " + port).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("prometheus exited: " + Files.readString(log));
                        }
                        int status = server.status("/-/ready");
                        return status == 200 || (webConfig != null && status == 401);
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The value of an instant query when it has exactly one series or is a scalar; NaN otherwise. */
    public double value(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode data = JSON.readTree(r.body()).path("data");
        JsonNode result = data.path("result");
        if (data.path("resultType").asText().equals("scalar")) {
            return Double.parseDouble(result.path(1).asText());
        }
        return result.size() == 1 ? Double.parseDouble(result.path(0).path("value").path(1).asText()) : Double.NaN;
    }

    /** Waits until {@code query} has one finite value that {@code until} accepts, and returns it. */
    public double await(String query, java.util.function.DoublePredicate until) {
        double[] seen = {Double.NaN};
        Awaitility.await(query).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    seen[0] = value(query);
                    return Double.isFinite(seen[0]) && until.test(seen[0]);
                });
        return seen[0];
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean running() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(process.isAlive()).as("prometheus still running; its log: " + log).isFalse();
    }
}
