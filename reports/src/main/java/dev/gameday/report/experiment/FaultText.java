package dev.gameday.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * A fault in plain words. The runner writes them, from the fault's kind, into the experiment copy
 * ({@code words}) and into {@code fault.injected}/{@code fault.updated}; reports only read them. A
 * journal too old to carry them gets the toxic's type and attributes as they are.
 */
public final class FaultText {
    private FaultText() {}

    /** A step's fault from the experiment copy, with its ramp. */
    public static String describe(JsonNode fault) {
        String text = fault.path("words").isTextual() ? fault.path("words").asText()
                : raw(fault.path("toxic").asText(), fault.path("attributes"));
        JsonNode ramp = fault.path("ramp");
        if (ramp.isObject()) {
            text += ", " + ramp.path("attribute").asText() + " ramping " + ramp.path("from").asLong() + " → "
                    + ramp.path("to").asLong() + " over " + Units.duration(ramp.path("over").asLong());
        }
        return text;
    }

    /** The fault of a {@code fault.injected} or {@code fault.updated} event. */
    public static String ofEvent(JsonNode event) {
        return event.path("words").isTextual() ? event.path("words").asText()
                : raw(event.path("toxic").path("type").asText(), event.path("toxic").path("attributes"));
    }

    /** {@code a latency toxic (latency=400, jitter=50)}: the toxic as it is, without words. */
    private static String raw(String type, JsonNode attributes) {
        if ("down".equals(type)) {
            return "an outage (proxy disabled)";
        }
        List<String> values = new ArrayList<>();
        attributes.fields().forEachRemaining(a -> values.add(a.getKey() + "=" + a.getValue().asText()));
        return "a " + (type.isEmpty() ? "?" : type) + " toxic" + (values.isEmpty() ? "" : " (" + String.join(", ", values) + ")");
    }
}
