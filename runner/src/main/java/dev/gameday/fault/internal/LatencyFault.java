package dev.gameday.fault.internal;

import dev.gameday.fault.spi.ToxicFaultType;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** {@code latency}: {@code latency} and {@code jitter} in ms. */
public final class LatencyFault extends ToxicFaultType<Latency> {
    @Override
    public String toxic() {
        return "latency";
    }

    @Override
    protected Latency create(ToxicList toxics, String name, ToxicDirection stream, Map<String, Long> attributes)
            throws IOException {
        return toxics.latency(name, stream, attr(attributes, "latency"));
    }

    @Override
    protected Set<String> createdWith() {
        return Set.of("latency");
    }

    @Override
    protected void set(Latency toxic, String attribute, long value) throws IOException {
        switch (attribute) {
            case "latency" -> toxic.setLatency(value);
            case "jitter" -> toxic.setJitter(value);
            default -> throw unknown(attribute);
        }
    }
}
