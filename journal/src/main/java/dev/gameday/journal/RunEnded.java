package dev.gameday.journal;

/** Last line of a finished run, with the verdict it reached. */
public record RunEnded(String verdict) implements JournalEvent {
    @Override
    public String type() {
        return "run.ended";
    }
}
