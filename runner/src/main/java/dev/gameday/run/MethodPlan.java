package dev.gameday.run;

import dev.gameday.experiment.Ramp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The method as a plan of timed actions, measured from the start of the method phase: each step
 * starts and ends, and each ramp moves its attribute every {@code every} until {@code over} has
 * passed. What happens at the same moment is one {@link Moment}: steps ending first (children before
 * their parallel block), then steps starting and ramps moving. Pure: the session runs it on timers,
 * tests read it.
 */
record MethodPlan(List<Moment> moments, long totalMs) {
    MethodPlan {
        moments = List.copyOf(moments);
    }

    /** One thing the method does. */
    sealed interface Action {
        Timeline.Entry entry();
    }

    record Start(Timeline.Entry entry) implements Action {}

    record End(Timeline.Entry entry) implements Action {}

    /** The ramped attribute of the step's fault goes to {@code value}. */
    record Move(Timeline.Entry entry, long value) implements Action {}

    /** What happens {@code offsetMs} after the method starts, in order. */
    record Moment(long offsetMs, List<Action> actions) {
        Moment {
            actions = List.copyOf(actions);
        }
    }

    static MethodPlan of(Timeline timeline) {
        TreeMap<Long, List<Action>> ends = new TreeMap<>();
        TreeMap<Long, List<Action>> starts = new TreeMap<>();
        for (Timeline.Entry e : timeline.entries()) {
            starts.computeIfAbsent(e.startMs(), k -> new ArrayList<>()).add(new Start(e));
            // Children end before their parallel block: each end goes first.
            ends.computeIfAbsent(e.endMs(), k -> new ArrayList<>()).add(0, new End(e));
            Ramp ramp = e.step().fault() == null ? null : e.step().fault().ramp();
            if (ramp != null) {
                long every = Math.max(1, ramp.every().toMillis());
                long over = ramp.over() == null ? e.durationMs() : ramp.over().toMillis();
                for (long at = every; at < e.durationMs() && at - every < over; at += every) {
                    starts.computeIfAbsent(e.startMs() + at, k -> new ArrayList<>()).add(new Move(e, value(ramp, at)));
                }
            }
        }
        TreeMap<Long, List<Action>> all = new TreeMap<>(ends);
        starts.forEach((at, actions) -> all.computeIfAbsent(at, k -> new ArrayList<>()).addAll(actions));
        List<Moment> moments = new ArrayList<>();
        for (Map.Entry<Long, List<Action>> m : all.entrySet()) {
            moments.add(new Moment(m.getKey(), m.getValue()));
        }
        return new MethodPlan(moments, timeline.totalMs());
    }

    /** The ramped value {@code atMs} after the step started: linear from {@code from} to {@code to} over {@code over}. */
    static long value(Ramp ramp, long atMs) {
        long over = ramp.over() == null ? 0 : ramp.over().toMillis();
        double progress = Math.min(1.0, (double) atMs / Math.max(1, over));
        return Math.round(ramp.from() + (ramp.to() - ramp.from()) * progress);
    }
}
