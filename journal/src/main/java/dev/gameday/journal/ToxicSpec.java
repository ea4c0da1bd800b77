package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The exact Toxiproxy toxic, {@code {"name","type","stream","toxicity","attributes"}}, or
 * {@code {"type":"down"}} for an outage (the other fields null, hence left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToxicSpec(String name, String type, String stream, Double toxicity, Map<String, Long> attributes) {
    public static ToxicSpec down() {
        return new ToxicSpec(null, "down", null, null, null);
    }
}
