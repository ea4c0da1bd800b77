package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a parsed line needs before readers may use it (docs/journal.md): a {@code type}, a {@code t}
 * that is a time, and for a {@code sample} the fields the judge computes with. Each problem is said
 * the way a person reading the journal would put it ("t is not a number"), never as a parser error.
 */
final class EventCheck {
    /** No latency is longer than a day: probe timeouts are seconds, and a larger figure is damage. */
    static final double MAX_MS = 86_400_000;
    /** The last millisecond of the year 9999: a larger {@code t} is no time at all. */
    static final long MAX_T = 253_402_300_799_999L;
    private static final int MAX_ECHO = 24;

    private EventCheck() {}

    /** Why this JSON value cannot be an event at all; null when it has a type. */
    static String typeProblem(JsonNode node) {
        if (!node.isObject()) {
            return "not a JSON object";
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            return "the line has no type";
        }
        return type.isTextual() && !type.asText().isBlank() ? null : "type is not text";
    }

    /** Why {@code t} is not a time; null when it is one. */
    static String timeProblem(JsonNode t) {
        if (t == null || t.isNull()) {
            return "t is missing";
        }
        if (!t.isNumber()) {
            return "t is not a number";
        }
        double value = t.asDouble();
        return value >= 0 && value <= MAX_T ? null : "t is not a time (" + echo(t) + ")";
    }

    /** {@code t} as epoch milliseconds; only once {@link #timeProblem} found none. */
    static long time(JsonNode t) {
        return t.isIntegralNumber() ? t.asLong() : Math.round(t.asDouble());
    }

    /** Why a sample's own fields are unusable (null ones are missing); null when the judge can use them. */
    static String sampleProblem(JsonNode probe, JsonNode ok, JsonNode ms) {
        if (probe == null || probe.isNull()) {
            return "the sample names no probe";
        }
        if (!probe.isTextual() || probe.asText().isBlank()) {
            return "probe is not text";
        }
        if (ok == null || ok.isNull()) {
            return "ok is missing";
        }
        if (!ok.isBoolean()) {
            return "ok is not true or false";
        }
        if (ms == null || ms.isNull()) {
            return "ms is missing";
        }
        double value = ms.asDouble();
        if (!ms.isNumber() || !Double.isFinite(value)) {
            return "ms is not a number";
        }
        if (value < 0) {
            return "ms is negative (" + echo(ms) + ")";
        }
        return value > MAX_MS ? "ms is more than a day (" + echo(ms) + ")" : null;
    }

    /** A number as written, cut short: messages quote figures, never long or secret text. */
    private static String echo(JsonNode number) {
        String text = number.asText();
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }
}
