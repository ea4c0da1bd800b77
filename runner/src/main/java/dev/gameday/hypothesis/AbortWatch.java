package dev.gameday.hypothesis;

import dev.gameday.experiment.AbortCondition;
import java.util.Optional;

/**
 * Watches one abort condition ({@code successRatio < 50%} for 2s) over the samples of its probe.
 *
 * <p>The window follows the newest slot time seen, not the wall clock: a sample that timed out arrives
 * a timeout after its slot and must still count where it belongs. So during a full outage the condition
 * trips about {@code sustained + timeout} after watching started, since no sample can be known failed
 * before its timeout.
 */
public final class AbortWatch {
    private final AbortCondition condition;
    private final Metric metric;
    private final long sustainedMs;
    private SlidingWindow window;
    private boolean watching;
    private long watchStartMs;
    private long newestSlotMs;

    public AbortWatch(AbortCondition condition) {
        this.condition = condition;
        this.metric = Metric.parse(condition.metric());
        this.sustainedMs = condition.sustained().toMillis();
        this.window = new SlidingWindow(condition.sustained());
    }

    /**
     * Feed every sample of the condition's probe (others are ignored). Returns the tripped result
     * ({@code holds} = the abort condition holds) once the samples span at least {@code sustained} since
     * watching started and the condition holds over the last {@code sustained} of them. If
     * {@link #reset} was never called, watching starts at the first offer's {@code nowMs}.
     */
    public Optional<ToleranceResult> offer(Sample s, long nowMs) {
        if (!s.probe().equals(condition.probe())) {
            return Optional.empty();
        }
        if (!watching) {
            reset(nowMs);
        }
        if (s.scheduledAt() < watchStartMs) {
            return Optional.empty(); // due before watching started: not part of what is watched
        }
        window.add(s);
        newestSlotMs = Math.max(newestSlotMs, s.scheduledAt());
        window.advanceTo(newestSlotMs);
        if (newestSlotMs - watchStartMs < sustainedMs) {
            return Optional.empty();
        }
        ToleranceResult result = ToleranceCheck.check(
                condition.probe(), metric, condition.op(), condition.threshold(), window);
        return result.holds() ? Optional.of(result) : Optional.empty();
    }

    /** (Re)starts watching at {@code nowMs} with an empty window, e.g. when the method phase begins. */
    public void reset(long nowMs) {
        watching = true;
        watchStartMs = nowMs;
        newestSlotMs = Long.MIN_VALUE;
        window = new SlidingWindow(condition.sustained());
    }
}
