package dev.gameday.fault.spi;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.Map;

/**
 * One kind of fault, named like its Toxiproxy toxic type ({@code latency}, …) or {@code down}.
 * Implementations are found with {@link java.util.ServiceLoader}; they call the blocking
 * toxiproxy-java client, so callers run them on worker threads, never on an event loop.
 */
public interface FaultType {
    /** The {@code toxic:} value of the experiment format. */
    String toxic();

    /** Puts the fault in place on {@code proxy}; attributes are in Toxiproxy units. */
    ActiveFault inject(Proxy proxy, Request request) throws IOException;

    /** What to inject: the toxic's name, direction, toxicity (0..1) and attributes. */
    record Request(String name, ToxicDirection stream, double toxicity, Map<String, Long> attributes) {
        public Request {
            attributes = Map.copyOf(attributes);
        }
    }

    /** A fault in place. Both calls are blocking. */
    interface ActiveFault {
        /** Moves one attribute (ramps). */
        void update(String attribute, long value) throws IOException;

        /** Takes the fault away. */
        void remove() throws IOException;
    }
}
