package dev.gameday.journal;

/** One rollback action and its outcome. */
public record RollbackDone(String name, boolean ok, String error) implements JournalEvent {
    @Override
    public String type() {
        return "rollback";
    }
}
