package dev.gameday.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.text.Units;

/** A fault in plain words, from its toxic type and Toxiproxy attributes ("400 ms latency ±50 ms"). */
public final class FaultText {
    private FaultText() {}

    /** Describes a fault of the experiment copy or a toxic of a {@code fault.injected} event. */
    public static String describe(String type, JsonNode attributes, double toxicity) {
        String what = switch (type == null ? "" : type) {
            case "down" -> "an outage (proxy disabled)";
            case "latency" -> Units.latency(attr(attributes, "latency")) + " latency"
                    + (attr(attributes, "jitter") > 0 ? " ±" + Units.latency(attr(attributes, "jitter")) : "");
            case "bandwidth" -> "bandwidth capped at " + (long) attr(attributes, "rate") + " KB/s";
            case "slow_close" -> "connections closing " + Units.duration((long) attr(attributes, "delay")) + " late";
            case "timeout" -> attr(attributes, "timeout") == 0
                    ? "connections stalled (data dropped, never closed)"
                    : "connections stalled, then closed after " + Units.duration((long) attr(attributes, "timeout"));
            case "reset_peer" -> "connections reset (TCP RST) after "
                    + Units.duration((long) attr(attributes, "timeout"));
            case "slicer" -> "data sliced into ~" + (long) attr(attributes, "average_size") + "-byte pieces "
                    + (long) attr(attributes, "delay") + " µs apart";
            case "limit_data" -> "connections closed after " + (long) attr(attributes, "bytes") + " bytes";
            default -> "a " + type + " toxic";
        };
        return toxicity < 1.0 && !"down".equals(type) ? what + " on " + Units.percent(toxicity) + " of connections" : what;
    }

    /** Describes a step's fault from the experiment copy, including its ramp. */
    public static String describe(JsonNode fault) {
        String text = describe(fault.path("toxic").asText(), fault.path("attributes"),
                fault.path("toxicity").asDouble(1.0));
        JsonNode ramp = fault.path("ramp");
        if (ramp.isObject()) {
            text += ", " + ramp.path("attribute").asText() + " ramping " + ramp.path("from").asLong() + " → "
                    + ramp.path("to").asLong() + " over " + Units.duration(ramp.path("over").asLong());
        }
        return text;
    }

    private static double attr(JsonNode attributes, String name) {
        return attributes == null ? 0 : attributes.path(name).asDouble(0);
    }
}
