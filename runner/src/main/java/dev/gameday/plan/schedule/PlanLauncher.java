package dev.gameday.plan.schedule;

import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanResult;
import dev.gameday.plan.PlanRunOptions;
import dev.gameday.plan.PlanRunner;
import dev.gameday.plan.notify.Webhooks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the scheduler does when a start is due: run the plan ({@code windowLeft}: what is left of its
 * window, by the scheduler's clock; an entry not started by then is not run) and send {@code plan.soon}.
 * Both return at once; the work happens on the launcher's threads.
 */
public interface PlanLauncher {
    CompletionStage<PlanResult> launch(Plan plan, Duration windowLeft);

    void soon(Plan plan, ZonedDateTime start);

    /**
     * The real thing: {@link PlanRunner} with the plan's webhooks, plan folders under {@code runsDir},
     * progress lines to {@code out}, {@code env} for the experiments' secrets.
     */
    public static PlanLauncher engine(Map<String, String> env, Path runsDir, PrintStream out) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gameday-scheduled-plan");
            t.setDaemon(true);
            return t;
        });
        return new PlanLauncher() {
            @Override
            public CompletionStage<PlanResult> launch(Plan plan, Duration windowLeft) {
                return CompletableFuture.supplyAsync(() -> {
                    try (Webhooks webhooks = Webhooks.start(plan, out)) {
                        return PlanRunner.run(plan, PlanRunOptions.of(env, runsDir, out).listener(webhooks)
                                .deadline(Instant.now().plus(windowLeft)));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, pool);
            }

            @Override
            public void soon(Plan plan, ZonedDateTime start) {
                pool.execute(() -> {
                    try (Webhooks webhooks = Webhooks.start(plan, out)) {
                        webhooks.planSoon(start);
                    }
                });
            }
        };
    }
}
