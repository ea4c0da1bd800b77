package dev.gameday.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes a {@link Lease} on a proxy of a remote Toxiproxy server: creates the disabled lease proxy
 * (toxiproxy-java cannot create a proxy disabled, hence one raw {@code POST /proxies}). When another
 * run holds it, {@link Held} names that run; a lease whose holder was a process of this machine that
 * is gone is stale: it is reclaimed, and the toxics that dead run left on the proxy are removed first.
 */
public final class Leases {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Leases() {}

    /** The lease on {@code proxy} is held by another run. */
    public static final class Held extends IOException {
        private final transient Lease holder;

        Held(String proxy, Lease holder, String upstream) {
            super("proxy " + proxy + " is in use by " + (holder == null ? "another client (its lease proxy "
                    + Lease.proxyName(proxy) + " points at " + upstream + ")" : holder.toString()));
            this.holder = holder;
        }

        /** Who holds it; null when the lease proxy does not name a Gameday run. */
        public Lease holder() {
            return holder;
        }
    }

    /**
     * Takes the lease on {@code proxy} for {@code me}; returns the stale holder it reclaimed from, or
     * null. Throws {@link Held} when another live run (or another host's) holds it.
     */
    public static Lease take(URI server, ToxiproxyClient client, String proxy, Lease me) throws IOException {
        if (create(server, proxy, me)) {
            return null;
        }
        Proxy lease = Change.find(client, Lease.proxyName(proxy));
        if (lease == null && create(server, proxy, me)) {
            return null; // released meanwhile
        }
        if (lease == null) {
            throw new Held(proxy, null, "?");
        }
        Lease holder = Lease.parse(lease.getUpstream()).orElse(null);
        if (holder == null || !holder.holderGone()) {
            if (holder != null && holder.runId().equals(me.runId())) {
                return null; // ours already
            }
            throw new Held(proxy, holder, lease.getUpstream());
        }
        removeToxicsOf(client, proxy, holder);
        lease.delete();
        if (!create(server, proxy, me)) {
            Proxy now = Change.find(client, Lease.proxyName(proxy));
            throw new Held(proxy, now == null ? null : Lease.parse(now.getUpstream()).orElse(null),
                    now == null ? "?" : now.getUpstream());
        }
        return holder;
    }

    /** Creates the lease proxy; false when one of that name exists (409). */
    private static boolean create(URI server, String proxy, Lease me) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Lease.proxyName(proxy));
        body.put("listen", Lease.LISTEN);
        body.put("upstream", me.upstream());
        body.put("enabled", false);
        ToxiproxyHttp.Answer response = ToxiproxyHttp.call("POST", server.resolve("/proxies"),
                MAPPER.writeValueAsString(body), ToxiproxyClients.CONNECT_TIMEOUT_MS, ToxiproxyClients.READ_TIMEOUT_MS);
        if (response.status() == 201 || response.status() == 200) {
            return true;
        }
        if (response.status() == 409) {
            return false;
        }
        throw new IOException("[" + response.status() + "] " + response.body().strip());
    }

    /** The toxics a dead run left on the proxy, found by its toxic-name prefix. */
    private static void removeToxicsOf(ToxiproxyClient client, String proxy, Lease holder) throws IOException {
        Proxy p = Change.find(client, proxy);
        if (p == null) {
            return;
        }
        String prefix = ToxicNames.prefix(holder.runId());
        for (Toxic t : p.toxics().getAll()) {
            if (t.getName().startsWith(prefix)) {
                t.remove();
            }
        }
    }
}
