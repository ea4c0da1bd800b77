package dev.gameday.run;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A run's {@link SessionTimers} as it runs: Vert.x timers on its event loop and the wall clock. A timer
 * whose run has ended ({@code ended}) does nothing, should it fire before being cancelled.
 */
final class VertxTimers implements SessionTimers {
    private final Vertx vertx;
    private final BooleanSupplier ended;
    private final Set<Long> ids = new HashSet<>();

    VertxTimers(Vertx vertx, BooleanSupplier ended) {
        this.vertx = vertx;
        this.ended = ended;
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void after(long delayMs, Runnable action) {
        long[] id = new long[1];
        id[0] = vertx.setTimer(Math.max(1, delayMs), t -> {
            ids.remove(id[0]);
            if (!ended.getAsBoolean()) {
                action.run();
            }
        });
        ids.add(id[0]);
    }

    @Override
    public void every(long everyMs, Runnable action) {
        ids.add(vertx.setPeriodic(everyMs, t -> {
            if (!ended.getAsBoolean()) {
                action.run();
            }
        }));
    }

    @Override
    public void cancelAll() {
        ids.forEach(vertx::cancelTimer);
        ids.clear();
    }
}
