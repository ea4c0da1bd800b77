package dev.gameday.plan.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** Virtual time for scheduler tests: tasks run, in time order, only when the test advances the clock. */
final class VirtualTimer implements Timer {
    private record Task(Instant at, long seq, Runnable run) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
            ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
    private Instant now;
    private long seq;

    VirtualTimer(Instant start) {
        now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void at(Instant at, Runnable task) {
        tasks.add(new Task(at.isBefore(now) ? now : at, seq++, task));
    }

    /** Moves the clock to {@code until}, running every task due on the way at its own time. */
    void advanceTo(Instant until) {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at().isAfter(until)) {
                    now = until;
                    return;
                }
                tasks.poll();
                now = next.at();
            }
            next.run().run();
        }
    }

    void advance(Duration d) {
        advanceTo(now().plus(d));
    }

    /** Moves the clock without running anything: a stuck scheduler thread. */
    synchronized void jump(Duration d) {
        now = now.plus(d);
    }

    /** Forgets every task: the process that owned them is gone. */
    synchronized void dropAll() {
        tasks.clear();
    }
}
