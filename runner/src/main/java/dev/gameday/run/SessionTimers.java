package dev.gameday.run;

import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/**
 * The clock and the timers of one run, cancelled together when a phase or the run ends. The run's own
 * are Vert.x timers and the wall clock ({@link #of}); a test gives virtual ones, whose time moves only
 * when the test says, so that a phase, a ramp or a recovery bound plays out without waiting for it.
 * Used on the run's event loop only.
 */
interface SessionTimers {

    /** The timers of a run on {@code vertx}'s event loop; none fires once {@code ended} says so. */
    static SessionTimers of(Vertx vertx, BooleanSupplier ended) {
        return new VertxTimers(vertx, ended);
    }

    /** Now, in milliseconds since the epoch, as the run's journal and judge count time. */
    long now();

    /** Runs {@code action} in {@code delayMs} (at least 1 ms: never within the current task). */
    void after(long delayMs, Runnable action);

    /** Runs {@code action} every {@code everyMs}, from {@code everyMs} from now. */
    void every(long everyMs, Runnable action);

    void cancelAll();
}
