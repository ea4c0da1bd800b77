package dev.gameday.journal;

/**
 * With {@code --replace-proxies}: a proxy of the experiment's name already existed with another
 * listen or upstream; it was deleted to create the run's own, and is put back at the end of the run.
 */
public record ProxyReplaced(String proxy, String originalListen, String originalUpstream, boolean originalEnabled)
        implements JournalEvent {
    @Override
    public String type() {
        return "proxy.replaced";
    }
}
