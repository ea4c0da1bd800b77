package dev.gameday.journal;

/**
 * One event of the run journal (docs/journal.md). Implementations are records whose components are
 * the event's fields; {@link Journal} adds {@code type}, {@code t} and {@code seq}.
 */
public interface JournalEvent {
    /** The {@code type} field, e.g. {@code fault.injected}. */
    String type();

    /** The {@code t} field when it is not "now" (a sample is placed at its scheduled time); null for now. */
    default Long at() {
        return null;
    }
}
