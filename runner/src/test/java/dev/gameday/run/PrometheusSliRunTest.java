package dev.gameday.run;

import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.runDir;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.experiment.load.TestFiles;
import dev.gameday.journal.JournalFile;
import dev.gameday.prometheus.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The bundled experiment whose steady state is a PromQL error ratio, run against the demo system with
 * a real Prometheus scraping its Micrometer metrics every second: the SLI sees the fault, and the
 * look-back records the query over the run. And Prometheus going away mid-run.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
@Order(1) // a long pole of the suite: started among the first, so the others fill in beside it
class PrometheusSliRunTest extends AgainstTheDemoSystem {
    private static final Path EXPERIMENT = TestFiles.examplesDir().resolve("fragile-storefront-error-ratio-slo.yaml");
    private static final String PROBE = "storefront-5xx-ratio";

    PrometheusServer prometheus;

    @BeforeEach
    void startPrometheus() throws Exception {
        prometheus = PrometheusServer.start(tmp.resolve("prometheus"), List.of(
                "127.0.0.1:" + bed.demo.storefrontPort(), "127.0.0.1:" + bed.demo.inventoryPort()));
        // Traffic the SLI can be computed from before the run starts (the run's HTTP probe keeps it up).
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest page = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bed.demo.storefrontPort()
                + "/products/7")).build();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            http.send(page, HttpResponse.BodyHandlers.discarding());
            return prometheus.value("sum(rate(http_server_requests_seconds_count{uri=\"/products/:id\"}[4s]))") > 0;
        });
    }

    @AfterEach
    void stopPrometheus() {
        if (prometheus != null) { // null when the test was skipped: no Prometheus on this machine
            prometheus.close();
        }
    }

    private Map<String, String> vars() {
        Map<String, String> vars = new HashMap<>(bed.vars());
        vars.put("prometheus", prometheus.url());
        return vars;
    }

    @Test
    void thePromqlSliSeesTheOutageAndTheLookbackRecordsIt() throws Exception {
        RunResult r = RunTestBed.run(EXPERIMENT, out(), vars());

        assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.REFUTED);
        JournalFile journal = journal(runDir(out()));
        // Steady before: the ratio was measured, and within 1%.
        JsonNode before = evidence(journal, "before", null);
        assertThat(before.path("status").asText()).as(before.toString()).isEqualTo("pass");
        assertThat(before.path("windows").asInt()).isPositive();
        // During the outage the PromQL ratio rose well above 1%: the SLI saw the fault on its own.
        JsonNode during = evidence(journal, "during", "inventory-outage");
        assertThat(during.path("status").asText()).as(during.toString()).isEqualTo("fail");
        assertThat(during.path("observed").asDouble()).isGreaterThan(0.05);
        assertThat(journal.first("verdict").orElseThrow().path("timeToDetect").toString()).contains("inventory-outage");
        List<JsonNode> measured = journal.all("sample").stream()
                .filter(s -> s.path("probe").asText().equals(PROBE) && s.has("value")).toList();
        assertThat(measured).isNotEmpty();
        assertThat(journal.all("sample").stream().filter(s -> !s.path("probe").asText().equals(PROBE)))
                .allSatisfy(s -> assertThat(s.has("value")).isFalse());
        // The look-back: the query over the run, from Prometheus's range API, in the journal.
        JsonNode history = journal.first("probe.history").orElseThrow();
        assertThat(history.path("probe").asText()).isEqualTo(PROBE);
        assertThat(history.path("error").isNull()).as(history.toString()).isTrue();
        assertThat(history.path("points").size()).isGreaterThan(5);
        double highest = 0;
        for (JsonNode point : history.path("points")) {
            highest = Math.max(highest, point.path(1).asDouble());
        }
        assertThat(highest).isGreaterThan(0.05);
        assertThat(types(journal)).containsSubsequence("fault.removed", "probe.history", "verdict");
        // The report charts the measured value beside the look-back, from the journal alone.
        String report = java.nio.file.Files.readString(runDir(out()).resolve("report.html"));
        assertThat(report).contains("Value", "sampled (highest)", "look-back", "value &lt;= 0.01");
    }

    @Test
    void prometheusGoingAwayMidRunFailsItsSamplesInWordsAndTheRunStillEnds() throws Exception {
        CompletableFuture<RunResult> run = RunTestBed.runUntilInjected(EXPERIMENT, out(), vars());
        prometheus.close();

        RunResult r = run.get();

        assertThat(r.verdict()).as(r.summary()).isIn(Verdict.REFUTED, Verdict.INCONCLUSIVE);
        JournalFile journal = journal(runDir(out()));
        List<JsonNode> failed = journal.all("sample").stream()
                .filter(s -> s.path("probe").asText().equals(PROBE) && !s.path("ok").asBoolean()).toList();
        assertThat(failed).isNotEmpty();
        assertThat(failed.get(failed.size() - 1).path("error").asText()).containsIgnoringCase("connection refused");
        JsonNode history = journal.first("probe.history").orElseThrow();
        assertThat(history.path("points").size()).isZero();
        assertThat(history.path("error").asText()).containsIgnoringCase("connection refused");
        assertThat(journal.first("run.ended")).isPresent();
    }

    private static JsonNode evidence(JournalFile journal, String phase, String step) {
        for (JsonNode e : journal.first("verdict").orElseThrow().path("evidence")) {
            if (e.path("probe").asText().equals(PROBE) && e.path("phase").asText().equals(phase)
                    && (step == null ? e.path("step").isNull() : e.path("step").asText().equals(step))) {
                return e;
            }
        }
        throw new AssertionError("no evidence of " + PROBE + " " + phase + " " + step);
    }

    private static List<String> types(JournalFile journal) {
        return journal.events().stream().map(e -> e.path("type").asText()).distinct().toList();
    }
}
