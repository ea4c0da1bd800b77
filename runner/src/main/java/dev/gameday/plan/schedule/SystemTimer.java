package dev.gameday.plan.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The wall clock and one daemon thread for the scheduler's tasks. */
public final class SystemTimer implements Timer, AutoCloseable {
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gameday-scheduler");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void at(Instant at, Runnable task) {
        long delay = Math.max(0, Duration.between(now(), at).toMillis());
        executor.schedule(task, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
