package dev.gameday.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;

/**
 * One change a run makes on Toxiproxy, as its write-ahead intent in the journal describes it, and how
 * to undo it without knowing whether the change happened: each {@link #undo} first looks at the
 * server, so it is idempotent (a toxic already gone, a proxy already enabled or deleted: nothing to
 * do) and leaves alone what is not the run's (a proxy of that name wired elsewhere, a lease another
 * run holds). Crash recovery undoes the journal's intents with these; a run undoes with them the
 * calls that failed without an answer (they may have taken effect).
 */
public sealed interface Change {

    /** What an undo found. */
    enum Outcome {
        /** The change was in place, and is undone now. */
        UNDONE,
        /** Nothing to undo: the change never happened, or was undone already. */
        NOTHING_TO_UNDO,
        /** What is there now is not the run's: left as it is. */
        NOT_OURS
    }

    /** Undoes the change if it is in place. Throws when Toxiproxy does not answer. */
    Outcome undo(ToxiproxyClient client) throws IOException;

    /** The proxy the change is on. */
    String proxy();

    /** Why an undo that found {@link Outcome#NOT_OURS} left the proxy as it is, in words. */
    default String notOurs() {
        return "proxy " + proxy() + " is not the run's now: left alone";
    }

    /** A toxic the run added, by name. */
    record AddedToxic(String step, String proxy, String toxicName) implements Change {
        @Override
        public Outcome undo(ToxiproxyClient client) throws IOException {
            Proxy p = find(client, proxy);
            try {
                if (p != null) {
                    for (Toxic t : p.toxics().getAll()) {
                        if (t.getName().equals(toxicName)) {
                            t.remove();
                            return Outcome.UNDONE;
                        }
                    }
                }
            } catch (IOException e) {
                if (ToxiproxyClients.status(e) != 404) {
                    throw e;
                }
                // The toxic (or its proxy) went in between: the run's own teardown took it off first.
            }
            return Outcome.NOTHING_TO_UNDO;
        }
    }

    /** An outage: the run disabled the proxy, which was enabled before (or not: then nothing to undo). */
    record Outage(String step, String proxy, boolean enabledBefore) implements Change {
        @Override
        public Outcome undo(ToxiproxyClient client) throws IOException {
            Proxy p = find(client, proxy);
            if (!enabledBefore || p == null || p.isEnabled()) {
                return Outcome.NOTHING_TO_UNDO;
            }
            p.enable();
            return Outcome.UNDONE;
        }
    }

    /** A proxy the run created; deleted only while it is still wired as the run wired it. */
    record CreatedProxy(String proxy, String listen, String upstream) implements Change {
        @Override
        public String notOurs() {
            return "proxy " + proxy + " is wired otherwise now, so it is not the run's: left alone";
        }

        @Override
        public Outcome undo(ToxiproxyClient client) throws IOException {
            Proxy p = find(client, proxy);
            if (p == null) {
                return Outcome.NOTHING_TO_UNDO;
            }
            if (!wiredAs(p, listen, upstream)) {
                return Outcome.NOT_OURS;
            }
            p.delete();
            return Outcome.UNDONE;
        }
    }

    /**
     * A proxy the run deleted to create its own in its place ({@code --replace-proxies}); undone,
     * once the run's own is gone, by creating it again as it was.
     */
    record ReplacedProxy(String proxy, String listen, String upstream, boolean enabled) implements Change {
        @Override
        public String notOurs() {
            return "the original proxy " + proxy + " was not put back: a proxy of that name wired otherwise is there now";
        }

        @Override
        public Outcome undo(ToxiproxyClient client) throws IOException {
            Proxy p = find(client, proxy);
            if (p != null) {
                return wiredAs(p, listen, upstream) ? Outcome.NOTHING_TO_UNDO : Outcome.NOT_OURS;
            }
            Proxy original = client.createProxy(proxy, listen, upstream);
            if (!enabled) {
                original.disable();
            }
            return Outcome.UNDONE;
        }
    }

    /** The run's lease on {@code proxy}: its lease proxy is deleted only while it names the run. */
    record LeaseTaken(String proxy, String runId) implements Change {
        @Override
        public String notOurs() {
            return "the lease on proxy " + proxy + " is another run's now: left alone";
        }

        @Override
        public Outcome undo(ToxiproxyClient client) throws IOException {
            Proxy lease = find(client, Lease.proxyName(proxy));
            if (lease == null) {
                return Outcome.NOTHING_TO_UNDO;
            }
            if (!Lease.parse(lease.getUpstream()).map(l -> l.runId().equals(runId)).orElse(false)) {
                return Outcome.NOT_OURS;
            }
            lease.delete();
            return Outcome.UNDONE;
        }
    }

    /** The proxy of that name, or null when the server has none (a 404); other failures throw. */
    static Proxy find(ToxiproxyClient client, String name) throws IOException {
        try {
            return client.getProxy(name);
        } catch (IOException e) {
            if (ToxiproxyClients.status(e) == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether {@code p} is wired as recorded: the same upstream, and the same listen port unless the
     * run asked for any port (0; Toxiproxy shows the one it bound).
     */
    private static boolean wiredAs(Proxy p, String listen, String upstream) {
        String wantedPort = listen.substring(listen.lastIndexOf(':') + 1);
        String port = p.getListen().substring(p.getListen().lastIndexOf(':') + 1);
        return p.getUpstream().equalsIgnoreCase(upstream) && (wantedPort.equals("0") || wantedPort.equals(port));
    }
}
