package dev.gameday.experiment;

import java.time.Duration;
import java.util.Map;

/**
 * A toxic held on a proxy for {@code duration}. {@code toxic} is a Toxiproxy toxic type or
 * {@code down} (the proxy disabled: an outage). {@code attributes} are in Toxiproxy's own units
 * (milliseconds, KB/s, bytes; slicer delay in microseconds), so they can be sent as they are.
 * {@code ramp} is null unless one attribute moves over time.
 */
public record Fault(
        String proxy,
        String toxic,
        Stream stream,
        double toxicity,
        Map<String, Long> attributes,
        Duration duration,
        Ramp ramp) {

    public static final String DOWN = "down";

    public Fault {
        attributes = Map.copyOf(attributes);
    }

    public enum Stream {
        UPSTREAM, DOWNSTREAM;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
