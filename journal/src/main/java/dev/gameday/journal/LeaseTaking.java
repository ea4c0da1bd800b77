package dev.gameday.journal;

/**
 * Written (and fsynced) before the run takes its lease on {@code proxy} of a remote Toxiproxy: a
 * disabled proxy named {@code lease} whose upstream names the holder ({@code runId}, {@code host},
 * {@code pid}). Recovery deletes that lease proxy only if its upstream still names this run.
 */
public record LeaseTaking(String proxy, String lease, String runId, String host, long pid) implements JournalEvent {
    @Override
    public String type() {
        return "lease.taking";
    }
}
