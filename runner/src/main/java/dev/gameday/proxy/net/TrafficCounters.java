package dev.gameday.proxy.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one proxy has carried since it was created: connections accepted and, per direction, bytes
 * read from the source ("received") and written to the sink after the toxics ("sent"). Kept by the
 * proxy, so enabling, disabling, moving and toxic changes keep counting; a new proxy starts at 0.
 * Adders: the data path adds on each connection's event loop, the API reads from its own.
 */
public final class TrafficCounters {

    /** The counters at one instant. */
    public record Totals(long connectionsAccepted, long upstreamReceived, long upstreamSent,
            long downstreamReceived, long downstreamSent) {}

    /** One direction's bytes. */
    static final class Flow {
        final LongAdder received = new LongAdder();
        final LongAdder sent = new LongAdder();
    }

    final LongAdder accepted = new LongAdder();
    /** client to upstream server */
    final Flow upstream = new Flow();
    /** upstream server to client */
    final Flow downstream = new Flow();

    public Totals totals() {
        return new Totals(accepted.sum(), upstream.received.sum(), upstream.sent.sum(),
                downstream.received.sum(), downstream.sent.sum());
    }
}
