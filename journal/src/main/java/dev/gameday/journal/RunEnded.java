package dev.gameday.journal;

/** Last line of a finished run. */
public record RunEnded(int exitCode, String verdict) implements JournalEvent {
    @Override
    public String type() {
        return "run.ended";
    }
}
