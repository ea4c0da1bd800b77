package dev.gameday.journal;

/**
 * A note the scribe (or anyone in the room) typed during the run, journaled by the run when it read
 * it from its control file: {@code t} is when the run journaled it, {@code typedAt} when it was typed
 * (epoch ms). {@code role} is the author's role in the game day when given (commander, scribe, …).
 */
public record ScribeNote(String author, String role, String note, long typedAt) implements JournalEvent {
    @Override
    public String type() {
        return "note";
    }
}
