package dev.gameday.run;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * {@link SessionTimers} on virtual time: the clock stands still until the test moves it
 * ({@link #advanceTo}), and then runs what fell due on the way, in order of deadline (then of setting),
 * each at its own instant. A run's phase of minutes plays out in microseconds.
 */
final class VirtualTimers implements SessionTimers {
    private record Due(long at, long order, Runnable action, long everyMs) {}

    private final PriorityQueue<Due> queue =
            new PriorityQueue<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::order));
    private long now;
    private long order;

    VirtualTimers(long startMs) {
        this.now = startMs;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void after(long delayMs, Runnable action) {
        queue.add(new Due(now + Math.max(1, delayMs), order++, action, 0));
    }

    @Override
    public void every(long everyMs, Runnable action) {
        queue.add(new Due(now + everyMs, order++, action, everyMs));
    }

    @Override
    public void cancelAll() {
        queue.clear();
    }

    /** Moves the clock to {@code t}, running every timer due by then at its deadline. */
    void advanceTo(long t) {
        while (!queue.isEmpty() && queue.peek().at() <= t) {
            Due due = queue.poll();
            now = due.at();
            if (due.everyMs() > 0) {
                queue.add(new Due(due.at() + due.everyMs(), order++, due.action(), due.everyMs()));
            }
            due.action().run();
        }
        now = Math.max(now, t);
    }
}
