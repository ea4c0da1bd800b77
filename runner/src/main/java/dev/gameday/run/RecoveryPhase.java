package dev.gameday.run;

import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.RecoveryMeasured;
import dev.gameday.judge.Judge;
import dev.gameday.text.Units;
import java.util.function.Consumer;

/**
 * The recovery phase of a run: from the last fault's removal until a full tolerance window holds again
 * ({@link Judge#recoveredAfterMs}) or the {@link RecoveryBound}'s cap has passed, whichever comes
 * first. Journals how long recovery took against the bound, then hands on. Confined to the run's
 * event loop, as its session is.
 */
final class RecoveryPhase {
    private final Judge judge;
    private final RecoveryBound bound;
    private final PhaseClock phases;
    private final SessionTimers timers;
    private final Consumer<JournalEvent> record;
    private final RunListener listener;
    private Runnable then;
    private Long recoveredAfterMs;

    RecoveryPhase(Judge judge, RecoveryBound bound, PhaseClock phases, SessionTimers timers,
            Consumer<JournalEvent> record, RunListener listener) {
        this.judge = judge;
        this.bound = bound;
        this.phases = phases;
        this.timers = timers;
        this.record = record;
        this.listener = listener;
    }

    /** Enters the phase; {@code then} runs once it is over (not when the run ends first). */
    void start(Runnable then) {
        this.then = then;
        Long removal = judge.lastRemovalT();
        long now = timers.now(); // once: the cap left counts from the same instant the phase starts at
        long from = removal == null ? now : removal;
        long capLeft = from + bound.capMs() - now;
        phases.enter(Phase.RECOVERY, Math.max(0, capLeft));
        timers.after(capLeft, () -> over(null));
        if (removal == null) {
            over(null); // no fault went in: nothing to recover from
        } else {
            sampled();
        }
    }

    /** A sample was judged: the steady state may hold again. */
    void sampled() {
        if (phases.phase() == Phase.RECOVERY) {
            Long after = judge.recoveredAfterMs();
            if (after != null) {
                over(after);
            }
        }
    }

    /** How long after the last removal the steady state held again; null when it did not (or no fault went in). */
    Long recoveredAfterMs() {
        return recoveredAfterMs;
    }

    private void over(Long recoveredAfter) {
        if (phases.phase() != Phase.RECOVERY) {
            return; // already over, or the run ended meanwhile
        }
        recoveredAfterMs = recoveredAfter;
        if (judge.lastRemovalT() != null) {
            record.accept(new RecoveryMeasured(recoveredAfter, bound.withinMs(), bound.met(true, recoveredAfter)));
            listener.event(recoveredAfter == null ? "  steady state did not recover"
                    : "  steady state recovered " + Units.seconds(recoveredAfter) + " after the faults were removed");
        }
        then.run();
    }
}
