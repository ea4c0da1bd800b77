package dev.gameday.journal;

/** A proxy the run uses; {@code createdByRun} is false when an existing proxy was reused. */
public record ProxyCreated(String proxy, String listen, String upstream, boolean createdByRun)
        implements JournalEvent {
    @Override
    public String type() {
        return "proxy.created";
    }
}
