package dev.gameday.plan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.plan.DemoBed;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanLoader;
import dev.gameday.plan.WebhookReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook deliveries against real local HTTP servers: the body, retries, and failure that costs nothing. */
class WebhooksTest {
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private Plan plan(Map<String, String> env) throws Exception {
        DemoBed.writeOutageExperiment(dir);
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                title: Soon
                experiments: [{experiment: outage.yaml}]
                notifications:
                  - url: ${secret:HOOK}
                    events: [plan.soon]
                    before: 30m
                """);
        return PlanLoader.load(file, env, LoadOptions.DEFAULTS).plan();
    }

    @Test
    void planSoonCarriesTheStartAndTheTime() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver(0)) {
            Plan plan = plan(Map.of("HOOK", hooks.url("/hook/abc-secret")));
            assertThat(plan.notifications().get(0).before()).isEqualTo(Duration.ofMinutes(30));
            Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
            try (Webhooks w = Webhooks.start(plan, System.err, FAST, clock)) {
                w.planSoon(ZonedDateTime.parse("2026-12-01T10:30+01:00[Europe/Berlin]"));
            }
            assertThat(hooks.received()).hasSize(1);
            var body = hooks.received().get(0).body();
            assertThat(body.getString("event")).isEqualTo("plan.soon");
            assertThat(body.getString("plan")).isEqualTo("Soon");
            assertThat(body.getString("start")).isEqualTo("2026-12-01T10:30+01:00");
            assertThat(body.getString("time")).isEqualTo("2026-12-01T09:00:00Z");
        }
    }

    @Test
    void aWebhookThatNeverAnswersWellIsOneWarningWithoutItsUrl() throws Exception {
        try (WebhookReceiver hooks = new WebhookReceiver(100)) {
            String secret = hooks.url("/hook/never-" + System.nanoTime());
            Plan plan = plan(Map.of("HOOK", secret));
            ByteArrayOutputStream warnings = new ByteArrayOutputStream();
            try (Webhooks w = Webhooks.start(plan, new PrintStream(warnings, true, StandardCharsets.UTF_8), FAST,
                    Clock.systemUTC())) {
                w.planSoon(ZonedDateTime.now());
                await().atMost(Duration.ofSeconds(10)).until(() -> warnings.size() > 0);
            }
            String text = warnings.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("notifications[0] (plan.soon): not delivered after 3 attempts: answered 500")
                    .doesNotContain("never-").doesNotContain(secret);
            assertThat(hooks.attempts(java.net.URI.create(secret).getPath())).isEqualTo(3);
        }
    }
}
