package dev.gameday.journal;

/** The run's lease on {@code proxy} (the proxy named {@code lease}) was deleted. */
public record LeaseReleased(String proxy, String lease) implements JournalEvent {
    @Override
    public String type() {
        return "lease.released";
    }
}
