package dev.gameday.fault;

import dev.gameday.journal.PathChecked;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the proxies of one Toxiproxy server have carried ({@code /metrics}), to prove that a
 * fault was on the traffic path. Blocking: call it on a worker thread.
 */
public final class TrafficMeter {
    private static final ProxyTraffic NOTHING = new ProxyTraffic(0L, 0, 0, 0, 0);

    private final URI url;

    public TrafficMeter(URI url) {
        this.url = url;
    }

    /** The server it reads. */
    public URI url() {
        return url;
    }

    /** One proxy's counters now, or why they cannot be known. */
    public record Reading(ProxyTraffic traffic, String unavailable) {}

    public Reading read(String proxy) {
        try {
            Optional<Map<String, ProxyTraffic>> all = ProxyTraffic.read(url);
            if (all.isEmpty()) {
                return new Reading(null, "the Toxiproxy server at " + url + " exposes no proxy metrics (start it "
                        + "with -proxy-metrics so Gameday can see the traffic)");
            }
            // A proxy the server lists no series for has carried nothing yet (Toxiproxy creates them lazily).
            return new Reading(all.get().getOrDefault(proxy, NOTHING), null);
        } catch (IOException e) {
            return new Reading(null, "cannot read " + url + "/metrics: " + e.getMessage());
        }
    }

    /** What a proxy carried between two readings, as the journal's path evidence of a fault step. */
    public static PathChecked path(String step, String proxy, String basis, Reading from, Reading to) {
        if (from.traffic() == null || to.traffic() == null) {
            return new PathChecked(step, proxy, null, basis, null, null, null,
                    "not verified: " + (from.unavailable() != null ? from.unavailable() : to.unavailable()));
        }
        ProxyTraffic carried = to.traffic().minus(from.traffic());
        if (carried.upstreamReceivedBytes() < 0 || carried.downstreamReceivedBytes() < 0
                || (carried.connectionsAccepted() != null && carried.connectionsAccepted() < 0)) {
            // Counters only grow while the proxy lives: this one was deleted or its server restarted.
            return new PathChecked(step, proxy, null, basis, null, null, null,
                    "not verified: the proxy's traffic counters went back (the proxy was recreated or its server restarted)");
        }
        return new PathChecked(step, proxy, carried.carriedTraffic(), basis, carried.connectionsAccepted(),
                carried.upstreamReceivedBytes(), carried.downstreamReceivedBytes(), null);
    }
}
