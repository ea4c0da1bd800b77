package dev.gameday.report.run.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.doc.Tone;
import dev.gameday.text.Units;
import dev.gameday.report.experiment.FaultText;
import java.util.ArrayList;
import java.util.List;

/** Each non-sample journal event as one line a facilitator can read aloud. */
public final class TimelineText {
    private TimelineText() {}

    /** The event's line in words, as the timeline has it; null for events the timeline does not list. */
    public static String text(String type, JsonNode e) {
        TimelineEntry entry = describe(0, type, e);
        return entry == null ? null : entry.text();
    }

    /** Null for event types this version does not know (readers ignore them). */
    static TimelineEntry describe(long t, String type, JsonNode e) {
        return switch (type) {
            case "run.started" -> entry(t, type, Tone.NEUTRAL, "Run " + e.path("runId").asText("?") + " started by "
                    + e.path("user").asText("?") + "@" + e.path("host").asText("?") + ", Toxiproxy "
                    + e.path("toxiproxy").path("mode").asText("?")
                    + (e.path("dryRun").asBoolean() ? " (dry run: no fault injected)" : ""));
            case "phase" -> entry(t, type, Tone.NEUTRAL, "Phase " + e.path("phase").asText() + " begins");
            case "proxy.created" -> entry(t, type, Tone.NEUTRAL, "Proxy " + e.path("proxy").asText() + " listening on "
                    + e.path("listen").asText() + " → " + e.path("upstream").asText()
                    + (e.path("createdByRun").asBoolean(true) ? "" : " (existing proxy reused)"));
            case "proxy.removed" -> entry(t, type, Tone.NEUTRAL, "Proxy " + e.path("proxy").asText() + " removed");
            case "step.started" -> entry(t, type, Tone.NEUTRAL, "Step " + e.path("step").asText() + " ("
                    + e.path("kind").asText() + ") started"
                    + (e.path("parent").isTextual() ? " in parallel block " + e.path("parent").asText() : ""));
            case "step.ended" -> entry(t, type, Tone.NEUTRAL, "Step " + e.path("step").asText() + " ended");
            case "fault.injected", "fault.updated" -> {
                JsonNode toxic = e.path("toxic");
                String what = FaultText.ofEvent(e);
                yield entry(t, type, Tone.WARN, (type.equals("fault.injected") ? "Fault injected on " : "Fault updated on ")
                        + e.path("proxy").asText() + ": " + what + stream(toxic) + " (step " + e.path("step").asText() + ")");
            }
            case "fault.removed" -> entry(t, type, Tone.OK, "Fault removed from " + e.path("proxy").asText() + " (step "
                    + e.path("step").asText() + ", reason: " + e.path("reason").asText("?") + ")");
            case "tolerance" -> entry(t, type, e.path("holds").asBoolean() ? Tone.OK : Tone.BAD, e.path("probe").asText()
                    + " " + e.path("tolerance").asText() + (e.path("holds").asBoolean() ? " holds again" : " stopped holding")
                    + " in " + e.path("phase").asText("?") + ": " + observed(e) + " (expected "
                    + e.path("expected").asText("?") + ")");
            case "abort" -> entry(t, type, Tone.BAD, "ABORT " + e.path("condition").asText() + ": "
                    + e.path("message").asText("") + " (observed " + e.path("observed").asText("?") + ", limit "
                    + e.path("expected").asText("?") + ")");
            case "recovery" -> {
                JsonNode after = e.path("recoveredAfterMs");
                JsonNode within = e.path("withinMs");
                String bound = within.isNumber() ? " (bound " + Units.duration(within.asLong()) + ")" : "";
                yield entry(t, type, e.path("ok").asBoolean() ? Tone.OK : Tone.BAD, after.isNumber()
                        ? "Steady state recovered " + Units.duration(after.asLong()) + " after fault removal" + bound
                        : "Steady state did not recover" + bound);
            }
            case "rollback" -> entry(t, type, e.path("ok").asBoolean() ? Tone.OK : Tone.BAD, "Rollback "
                    + e.path("name").asText() + (e.path("ok").asBoolean() ? " succeeded" : " FAILED: " + e.path("error").asText("")));
            case "verdict" -> entry(t, type, tone(e.path("verdict").asText()), "Verdict: " + e.path("verdict").asText()
                    + (e.path("summary").isTextual() ? " — " + e.path("summary").asText() : ""));
            case "error" -> entry(t, type, Tone.BAD, "Error: " + e.path("message").asText("")
                    + pairs(" — may still be injected: ", e.path("stillInjected")));
            case "note" -> entry(t, type, Tone.NEUTRAL, "Note by " + e.path("author").asText("?")
                    + (e.path("role").isTextual() ? " (" + e.path("role").asText() + ")" : "") + ": "
                    + e.path("note").asText(""));
            case "abort.requested" -> entry(t, type, Tone.BAD, "ABORT requested by " + e.path("by").asText("?")
                    + " (" + e.path("via").asText("?") + "): every fault removed at once");
            case "run.ended" -> entry(t, type, tone(e.path("verdict").asText()), "Run ended, verdict "
                    + e.path("verdict").asText("?"));
            case "run.interrupted" -> entry(t, type, Tone.WARN, "Run marked interrupted: " + e.path("reason").asText("?")
                    + pairs("; removed ", e.path("removed")));
            default -> null;
        };
    }

    public static Tone tone(String verdict) {
        return switch (verdict) {
            case "held" -> Tone.OK;
            case "refuted", "aborted", "error" -> Tone.BAD;
            case "interrupted" -> Tone.WARN;
            default -> Tone.NEUTRAL;
        };
    }

    private static TimelineEntry entry(long t, String type, Tone tone, String text) {
        return new TimelineEntry(t, type, tone, text);
    }

    private static String stream(JsonNode toxic) {
        return toxic.path("stream").isTextual() ? ", " + toxic.path("stream").asText() : "";
    }

    static String observed(JsonNode e) {
        JsonNode observed = e.path("observed");
        if (!observed.isNumber()) {
            return observed.asText("?");
        }
        return e.path("tolerance").asText().equals("successRatio") ? Units.percent(observed.asDouble())
                : Units.latency(observed.asDouble());
    }

    private static String pairs(String prefix, JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(p -> items.add(p.path("proxy").asText() + (p.path("toxicName").isTextual()
                ? "/" + p.path("toxicName").asText() : " (down)")));
        return items.isEmpty() ? "" : prefix + String.join(", ", items);
    }
}
