package dev.gameday.journal;

/** A phase begins: preflight, before, method, recovery, after, rollback, done. */
public record PhaseStarted(String phase) implements JournalEvent {
    @Override
    public String type() {
        return "phase";
    }
}
