package dev.gameday.journal;

/** A proxy the run created was deleted. */
public record ProxyRemoved(String proxy) implements JournalEvent {
    @Override
    public String type() {
        return "proxy.removed";
    }
}
