package dev.gameday.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.plan.notify.Backoff;
import dev.gameday.plan.notify.Webhooks;
import dev.gameday.run.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real plan run against the demo system with the embedded proxy: a matrix whose first row is
 * refuted, so the first-failure policy leaves the second out; the webhooks (a real local HTTP server,
 * answering 500 at first) hear every event, retried, and the webhook's secret URL is nowhere.
 */
class PlanRunnerTest {
    @TempDir
    Path dir;

    @Test
    void stopsAtTheFirstFailureAndTellsTheWebhooks() throws Exception {
        try (DemoBed demo = new DemoBed(); WebhookReceiver hooks = new WebhookReceiver(1)) {
            DemoBed.writeOutageExperiment(dir);
            String secretPath = "/hooks/T0/B0/s3cr3t-" + System.nanoTime();
            Path planFile = Files.writeString(dir.resolve("ci.plan.yaml"), """
                    title: CI matrix
                    vars: %s
                    experiments:
                      - experiment: outage.yaml
                        id: outage
                        matrix:
                          - { variant: fragile }
                          - { variant: resilient }
                    stop: first-failure
                    notifications:
                      - url: ${secret:HOOK}
                      - url: ${secret:SLACK_HOOK}
                        format: slack
                        events: [plan.ended]
                    """.formatted(demo.varsYaml()));
            Map<String, String> env = Map.of("HOOK", hooks.url(secretPath), "SLACK_HOOK", hooks.url("/slack/s3cr3t"));
            Plan plan = PlanLoader.load(planFile, env, LoadOptions.DEFAULTS).plan();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PlanResult result;
            try (Webhooks webhooks = Webhooks.start(plan, System.err, new Backoff(3, Duration.ofMillis(50),
                    Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC())) {
                result = PlanRunner.run(plan, PlanRunOptions.of(env, dir.resolve("runs"),
                        new PrintStream(console, true, StandardCharsets.UTF_8)).listener(webhooks));
            }
            assertThat(result.verdict()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(Verdict.REFUTED);
            assertThat(result.entries()).extracting(EntryResult::verdict).containsExactly(Verdict.REFUTED, null);
            assertThat(result.entries().get(1).note()).contains("stop: first-failure").contains("outage-1 was refuted");
            assertThat(result.entries().get(0).runDir()).startsWith(result.planDir().resolve("outage-1"));

            List<String> events = hooks.received().stream().filter(r -> r.path().equals(secretPath))
                    .map(r -> r.body().getString("event")).toList();
            assertThat(events).containsExactly("run.started", "run.ended", "plan.ended");
            assertThat(hooks.attempts(secretPath)).isEqualTo(4); // the first refused, retried
            var ended = hooks.received().stream().filter(r -> "run.ended".equals(r.body().getString("event")))
                    .findFirst().orElseThrow().body();
            assertThat(ended.getString("verdict")).isEqualTo("refuted");
            assertThat(ended.getString("experiment")).isEqualTo("outage-1");
            assertThat(ended.getString("plan")).isEqualTo("CI matrix");
            assertThat(Path.of(ended.getString("report"))).exists();
            assertThat(ended.getString("time")).isNotBlank();
            var slack = hooks.received().stream().filter(r -> r.path().equals("/slack/s3cr3t")).toList();
            assertThat(slack).hasSize(1);
            assertThat(slack.get(0).body().getString("text")).contains("CI matrix").contains("REFUTED");

            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t");
            try (Stream<Path> files = Files.walk(result.planDir())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("s3cr3t");
                }
            }
            assertThat(Files.readString(result.planDir().resolve("plan.json"))).contains("\"verdict\" : \"refuted\"")
                    .contains("\"status\" : \"not-run\"");
        }
    }

    @Test
    void anEntryNotStartedByTheEndOfTheWindowIsNotRun() throws Exception {
        DemoBed.writeOutageExperiment(dir);
        Path planFile = Files.writeString(dir.resolve("late.yaml"), "title: Late\nexperiments: [{experiment: outage.yaml}]\n");
        Plan plan = PlanLoader.load(planFile, Map.of(), LoadOptions.DEFAULTS).plan();
        PlanResult result = PlanRunner.run(plan, PlanRunOptions.of(Map.of(), dir.resolve("runs"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).deadline(java.time.Instant.EPOCH));
        assertThat(result.entries()).singleElement().satisfies(e -> {
            assertThat(e.wasRun()).isFalse();
            assertThat(e.note()).startsWith("not run: the plan's window (when.window) ended at 1970-01-01T00:00:00Z");
        });
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR); // a plan that ran nothing vouches for nothing
        assertThat(Files.readString(result.planDir().resolve("plan-report.md"))).contains("NOT RUN");
    }
}
