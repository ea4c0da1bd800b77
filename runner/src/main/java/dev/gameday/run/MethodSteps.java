package dev.gameday.run;

import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.StepEnded;
import dev.gameday.journal.StepStarted;
import dev.gameday.text.Units;
import io.vertx.core.Future;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The method's steps as they happen: each {@link MethodPlan.Action} journaled as a step starting or
 * ending and handed to the {@link FaultSteps} that inject, ramp and remove its fault. A step ends in
 * the journal only once its fault is out; the steps still open when the run ends are closed then.
 * Confined to the session's event loop.
 */
final class MethodSteps {
    private final Consumer<JournalEvent> record;
    private final RunListener listener;
    private final FaultSteps faults;
    private final BooleanSupplier ended;
    private final Set<String> open = new LinkedHashSet<>();

    MethodSteps(Consumer<JournalEvent> record, RunListener listener, FaultSteps faults, BooleanSupplier ended) {
        this.record = record;
        this.listener = listener;
        this.faults = faults;
        this.ended = ended;
    }

    /**
     * Sets a timer for each moment of the plan, from now. The method ends ({@code methodOver}) in the
     * same timer task as the actions due at its end, after them: two timers of one deadline could run
     * in either order, and a method end run first would cancel the last step's end and leave its fault
     * in through the steady state after.
     */
    void schedule(MethodPlan plan, SessionTimers timers, Runnable methodOver) {
        boolean endsWithAMoment = false;
        for (MethodPlan.Moment m : plan.moments()) {
            boolean last = m.offsetMs() == plan.totalMs();
            endsWithAMoment |= last;
            timers.after(m.offsetMs(), () -> {
                m.actions().forEach(this::act);
                if (last) {
                    methodOver.run();
                }
            });
        }
        if (!endsWithAMoment) {
            timers.after(plan.totalMs(), methodOver);
        }
    }

    private void act(MethodPlan.Action action) {
        Timeline.Entry e = action.entry();
        String name = e.step().name();
        if (action instanceof MethodPlan.Start) {
            record.accept(new StepStarted(name, e.kind(), e.parent()));
            open.add(name);
            listener.event(String.format(Locale.ROOT, "  step %s (%s, %s)", name, e.kind(), Units.seconds(e.durationMs())));
            if (e.step().fault() != null) {
                faults.inject(name, e.step().fault());
            }
        } else if (action instanceof MethodPlan.End) {
            Future<Void> done = e.step().fault() != null ? faults.remove(name) : faults.settled();
            done.onComplete(v -> {
                if (!ended.getAsBoolean() && open.remove(name)) {
                    record.accept(new StepEnded(name));
                }
            });
        } else if (action instanceof MethodPlan.Move m) {
            faults.ramp(name, e.step().fault(), m.value());
        }
    }

    /** The steps in progress, in the order they started. */
    List<String> open() {
        return List.copyOf(open);
    }

    /** The run is ending: every step still open ends now, in the journal. */
    void closeOpen() {
        open.forEach(s -> record.accept(new StepEnded(s)));
        open.clear();
    }
}
