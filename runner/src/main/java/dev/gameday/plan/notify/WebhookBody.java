package dev.gameday.plan.notify;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * What a webhook receives: {@code event} (plan.soon, run.started, run.aborted, run.ended, plan.ended),
 * the plan's title and file, the experiment entry (id and file) for run events, the verdict (the
 * judge's; the plan's, the worst, for plan.ended), the report's path, the scheduled start for
 * plan.soon, and when it was sent. {@link #slack()} is the same as a Slack incoming-webhook message.
 */
record WebhookBody(String event, String plan, String planFile, String experiment, String experimentFile,
        String verdict, String report, String start, String time) {

    JsonObject json() {
        return new JsonObject().put("event", event).put("plan", plan).put("planFile", planFile)
                .put("experiment", experiment).put("experimentFile", experimentFile).put("verdict", verdict)
                .put("report", report).put("start", start).put("time", time);
    }

    JsonObject slack() {
        String what = switch (event) {
            case "plan.soon" -> "starts at " + start;
            case "run.started" -> "experiment *" + experiment + "* started";
            case "run.aborted" -> "experiment *" + experiment + "* was ABORTED";
            case "run.ended" -> "experiment *" + experiment + "* ended: *" + upper(verdict) + "*";
            default -> "plan ended: *" + upper(verdict) + "*";
        };
        return new JsonObject().put("text", "Game day _" + plan + "_: " + what + (report == null ? "" : " (report: " + report + ")"));
    }

    private static String upper(String s) {
        return s == null ? "no verdict" : s.toUpperCase(Locale.ROOT);
    }
}
