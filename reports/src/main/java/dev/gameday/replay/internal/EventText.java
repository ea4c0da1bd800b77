package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One readable line per journal event ({@code docs/journal.md}), shared by the live feed and the
 * "what happened next" summaries. Events replay does not know are not shown.
 */
public final class EventText {
    private EventText() {}

    /** The event as a line, or null for events not shown (unknown types). */
    public static String describe(Happening e) {
        JsonNode b = e.body();
        return switch (e.type()) {
            case "run.started" -> "run " + e.text("runId") + " started"
                    + (e.text("user") == null ? "" : " by " + e.text("user") + "@" + e.text("host"))
                    + " (" + b.path("toxiproxy").path("mode").asText("embedded") + " Toxiproxy"
                    + (b.path("dryRun").asBoolean() ? ", dry run" : "") + ")";
            case "phase" -> "phase " + e.text("phase");
            case "proxy.created" -> "proxy " + e.text("proxy") + " listens on " + e.text("listen") + " → "
                    + e.text("upstream");
            case "proxy.removed" -> "proxy " + e.text("proxy") + " removed";
            case "step.started" -> "step " + e.text("step") + " starts (" + e.text("kind")
                    + (e.text("parent") == null ? "" : ", in " + e.text("parent")) + ")";
            case "step.ended" -> "step " + e.text("step") + " ends";
            case "fault.injected" -> "fault injected: " + fault(b);
            case "fault.updated" -> "fault ramps: " + fault(b);
            case "fault.removed" -> "fault removed: " + removedFault(b);
            // Tolerance changes are the judge's, shown as the replay reaches them (see ReplayJudge).
            case "tolerance" -> null;
            case "abort" -> abort(e);
            case "recovery" -> recovery(b);
            case "rollback" -> "rollback " + e.text("name") + (b.path("ok").asBoolean()
                    ? " done" : " FAILED: " + e.text("error"));
            case "verdict" -> "verdict: " + b.path("verdict").asText("?").toUpperCase(Locale.ROOT)
                    + (e.text("summary") == null ? "" : " — " + e.text("summary"));
            case "error" -> "ERROR: " + e.text("message") + stillInjected(b.path("stillInjected"));
            case "note" -> "note by " + e.text("author") + (e.text("role") == null ? "" : " (" + e.text("role") + ")")
                    + ": " + e.text("note");
            case "abort.requested" -> "ABORT requested by " + e.text("by") + " (" + e.text("via") + ")";
            case "run.ended" -> "run ended (" + b.path("verdict").asText("?") + ")";
            case "run.interrupted" -> "run marked interrupted: " + e.text("reason");
            default -> null;
        };
    }

    /** {@code latency on inventory (downstream, latency=400, jitter=50)} or {@code inventory is down}. */
    public static String fault(JsonNode event) {
        JsonNode toxic = event.path("toxic");
        String proxy = event.path("proxy").asText("?");
        if (toxic.path("type").asText().equals("down")) {
            return proxy + " is down";
        }
        List<String> details = new ArrayList<>();
        if (toxic.hasNonNull("stream")) {
            details.add(toxic.get("stream").asText());
        }
        if (toxic.hasNonNull("toxicity") && toxic.get("toxicity").asDouble() < 1) {
            details.add("toxicity " + Units.percent(toxic.get("toxicity").asDouble()));
        }
        toxic.path("attributes").fields().forEachRemaining(a -> details.add(a.getKey() + "=" + a.getValue().asText()));
        return toxic.path("type").asText("toxic") + " on " + proxy
                + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    /** Named by its step (toxic names carry a run prefix); an outage ends with the proxy back up. */
    public static String removedFault(JsonNode event) {
        String proxy = event.path("proxy").asText("?");
        String reason = " (" + event.path("reason").asText("?") + ")";
        if (!event.path("toxicName").isTextual()) {
            return proxy + " is back up" + reason;
        }
        String name = event.path("step").isTextual() ? event.get("step").asText() : event.get("toxicName").asText();
        return name + " on " + proxy + reason;
    }

    private static String abort(Happening e) {
        return "ABORT " + e.text("condition") + ": " + (e.text("message") == null ? "" : e.text("message") + " ")
                + "(" + e.text("probe") + " observed " + e.body().path("observed").asText("?") + ", abort when "
                + e.text("expected") + ")";
    }

    private static String recovery(JsonNode b) {
        JsonNode after = b.path("recoveredAfterMs");
        String within = b.path("withinMs").isNumber() ? " (bound " + Units.duration(b.get("withinMs").asLong()) + ")" : "";
        return after.isNumber()
                ? "recovered after " + Units.duration(after.asLong()) + within + (b.path("ok").asBoolean() ? "" : ": too slow")
                : "did not recover" + within;
    }

    private static String stillInjected(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return "";
        }
        List<String> left = new ArrayList<>();
        list.forEach(f -> left.add(f.path("toxicName").asText("outage") + " on " + f.path("proxy").asText("?")));
        return " (may still be injected: " + String.join(", ", left) + ")";
    }
}
