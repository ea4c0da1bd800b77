package dev.gameday.journal;

import java.util.List;

/** Closes the journal of a run that never ended: why, and what was removed on its behalf. */
public record RunInterrupted(String reason, List<InjectedRef> removed) implements JournalEvent {
    public RunInterrupted {
        removed = List.copyOf(removed);
    }

    @Override
    public String type() {
        return "run.interrupted";
    }
}
