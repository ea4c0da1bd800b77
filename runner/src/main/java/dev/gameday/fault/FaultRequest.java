package dev.gameday.fault;

import java.util.Map;

/**
 * What to inject: the toxic's name (null for {@code down}), its stream ({@code upstream} or
 * {@code downstream}), toxicity (0..1) and attributes in Toxiproxy units.
 */
public record FaultRequest(String toxicName, String stream, double toxicity, Map<String, Long> attributes) {
    public FaultRequest {
        attributes = Map.copyOf(attributes);
    }
}
