package dev.gameday.run;

import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.text.Units;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The phase a run is in and when it is due to end. Entering a phase checks the move against
 * {@link Phase}'s state machine, journals it (synced: a phase boundary is where a crash is read back
 * from) and tells the console.
 */
final class PhaseClock {
    private final Consumer<JournalEvent> record;
    private final Journal journal;
    private final RunListener listener;
    private final LongSupplier now;
    private Phase phase = Phase.PREFLIGHT;
    private long endsAt;

    PhaseClock(Consumer<JournalEvent> record, Journal journal, RunListener listener, LongSupplier now) {
        this.record = record;
        this.journal = journal;
        this.listener = listener;
        this.now = now;
    }

    void enter(Phase next, long durationMs) {
        phase = next == Phase.PREFLIGHT ? next : phase.then(next);
        endsAt = now.getAsLong() + durationMs;
        record.accept(new PhaseStarted(next.key(), durationMs > 0 ? durationMs : null));
        journal.sync();
        if (next != Phase.DONE) {
            listener.event("[" + next.key() + "]" + (durationMs > 0 ? " " + Units.seconds(durationMs) : ""));
        }
    }

    Phase phase() {
        return phase;
    }

    long leftMs() {
        return Math.max(0, endsAt - now.getAsLong());
    }
}
