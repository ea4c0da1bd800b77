package dev.gameday.journal;

/** A proxy the run had replaced is back as it was. */
public record ProxyRestored(String proxy) implements JournalEvent {
    @Override
    public String type() {
        return "proxy.restored";
    }
}
