package dev.gameday.run;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The timers of one run on its event loop, cancelled together when a phase or the run ends. A timer
 * whose run has ended ({@code ended}) does nothing, should it fire before being cancelled.
 */
final class SessionTimers {
    private final Vertx vertx;
    private final BooleanSupplier ended;
    private final Set<Long> ids = new HashSet<>();

    SessionTimers(Vertx vertx, BooleanSupplier ended) {
        this.vertx = vertx;
        this.ended = ended;
    }

    /** Runs {@code action} in {@code delayMs} (at least 1 ms: never within the current task). */
    void after(long delayMs, Runnable action) {
        long[] id = new long[1];
        id[0] = vertx.setTimer(Math.max(1, delayMs), t -> {
            ids.remove(id[0]);
            if (!ended.getAsBoolean()) {
                action.run();
            }
        });
        ids.add(id[0]);
    }

    void every(long everyMs, Runnable action) {
        ids.add(vertx.setPeriodic(everyMs, t -> {
            if (!ended.getAsBoolean()) {
                action.run();
            }
        }));
    }

    void cancelAll() {
        ids.forEach(vertx::cancelTimer);
        ids.clear();
    }
}
