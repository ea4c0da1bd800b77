package dev.gameday.journal;

/**
 * A toxic was removed or a proxy re-enabled ({@code toxicName} null). {@code reason}: completed,
 * abort, signal, error, recover.
 */
public record FaultRemoved(String step, String proxy, String toxicName, String reason) implements JournalEvent {
    @Override
    public String type() {
        return "fault.removed";
    }
}
