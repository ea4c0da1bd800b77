package dev.gameday.plan.schedule;

import java.time.Instant;

/**
 * The scheduler's sense of time: what time it is, and running a task at a given time. The server uses
 * {@link SystemTimer}; tests use a virtual clock that runs due tasks when it is advanced, so
 * recurrences, restarts and daylight saving are tested without waiting.
 */
public interface Timer {
    Instant now();

    /** Runs {@code task} once at {@code at} (at once when that is past), on the timer's own thread. */
    void at(Instant at, Runnable task);
}
