package dev.gameday.plan.notify;

import dev.gameday.plan.EntryResult;
import dev.gameday.plan.Notification;
import dev.gameday.plan.Notification.Event;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlannedExperiment;
import dev.gameday.plan.PlanListener;
import dev.gameday.plan.PlanResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The plan's webhooks: each event the plan's notifications ask for is POSTed as JSON
 * ({@link WebhookBody}) to each of them, retried with {@link Backoff}. Delivery never blocks the plan
 * nor fails it: it runs on its own Vert.x event loop, and a webhook that fails for good is one warning
 * line naming it by its index, never by its URL (a secret). Without notifications nothing is started.
 */
public final class Webhooks implements PlanListener, AutoCloseable {
    private final Plan plan;
    private final PrintStream warnings;
    private final Backoff backoff;
    private final Clock clock;
    private final Vertx vertx;
    private final WebClient client;
    private final Set<Future<Void>> pending = ConcurrentHashMap.newKeySet();

    private Webhooks(Plan plan, PrintStream warnings, Backoff backoff, Clock clock) {
        this.plan = plan;
        this.warnings = warnings;
        this.backoff = backoff;
        this.clock = clock;
        this.vertx = plan.notifications().isEmpty() ? null : Vertx.vertx();
        this.client = vertx == null ? null : WebClient.create(vertx);
    }

    public static Webhooks start(Plan plan, PrintStream warnings) {
        return start(plan, warnings, Backoff.DEFAULT, Clock.systemUTC());
    }

    public static Webhooks start(Plan plan, PrintStream warnings, Backoff backoff, Clock clock) {
        return new Webhooks(plan, warnings, backoff, clock);
    }

    /** The scheduled start at {@code start} is near: {@code plan.soon}, to the webhooks that want it. */
    public void planSoon(ZonedDateTime start) {
        send(Event.PLAN_SOON, null, null, null, start);
    }

    @Override
    public void runStarted(Plan p, PlannedExperiment entry) {
        send(Event.RUN_STARTED, entry, null, null, null);
    }

    @Override
    public void runEnded(Plan p, EntryResult result) {
        String verdict = result.verdict() == null ? null : result.verdict().key();
        Path report = result.runDir() == null ? null : result.runDir().resolve("report.html");
        if (result.verdict() == dev.gameday.run.Verdict.ABORTED) {
            send(Event.RUN_ABORTED, result.entry(), verdict, report, null);
        }
        send(Event.RUN_ENDED, result.entry(), verdict, report, null);
    }

    @Override
    public void planEnded(Plan p, PlanResult result) {
        send(Event.PLAN_ENDED, null, result.verdict().key(), result.planDir().resolve("plan-report.html"), null);
    }

    private void send(Event event, PlannedExperiment entry, String verdict, Path report, ZonedDateTime start) {
        if (vertx == null) {
            return;
        }
        WebhookBody body = new WebhookBody(event.key(), plan.title(), plan.file().toString(),
                entry == null ? null : entry.id(), entry == null ? null : entry.experiment().toString(), verdict,
                report == null ? null : report.toString(), start == null ? null : start.toOffsetDateTime().toString(),
                clock.instant().toString());
        List<Notification> notifications = plan.notifications();
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            if (n.events().contains(event)) {
                JsonObject json = n.format() == Notification.Format.SLACK ? body.slack() : body.json();
                int index = i;
                Promise<Void> done = Promise.promise();
                pending.add(done.future());
                vertx.runOnContext(v -> attempt(n, index, event.key(), json, 1, done));
                done.future().onComplete(r -> pending.remove(done.future()));
            }
        }
    }

    private void attempt(Notification n, int index, String event, JsonObject json, int attempt, Promise<Void> done) {
        client.postAbs(n.url().toString()).timeout(backoff.timeout().toMillis()).sendJsonObject(json).onComplete(r -> {
            int status = r.succeeded() ? r.result().statusCode() : 0;
            if (status >= 200 && status < 300) {
                done.complete();
            } else if (attempt < backoff.attempts() && (status == 0 || status == 429 || status >= 500)) {
                vertx.setTimer(backoff.delayBefore(attempt + 1).toMillis(),
                        t -> attempt(n, index, event, json, attempt + 1, done));
            } else {
                String why = r.succeeded() ? "answered " + status : plan.redactor().redact(String.valueOf(r.cause().getMessage()));
                warnings.println("gameday: warning: notifications[" + index + "] (" + event + "): not delivered after "
                        + attempt + " attempts: " + why);
                done.complete();
            }
        });
    }

    /** Waits up to {@link Backoff#drain()} for deliveries under way, then stops. */
    @Override
    public void close() {
        if (vertx == null) {
            return;
        }
        try {
            Future.join(List.copyOf(pending)).toCompletionStage().toCompletableFuture()
                    .get(backoff.drain().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            warnings.println("gameday: warning: " + pending.size() + " notifications still undelivered at the end");
        }
        vertx.close();
    }
}
