package dev.gameday.report.run.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's evidence as its {@code verdict} event journaled it ({@code docs/journal.md},
 * "evidence"), taken only when every entry is whole: a report either shows the runner's figures or
 * recomputes them all, never a mix, and never an empty table for a verdict that rests on checks.
 *
 * @param evidence the entries; empty when there are none to use (an older journal) or they are damaged
 * @param problem  why they cannot be used, in a reader's words; null when they can, or when the journal
 *                 is older than evidence with a status (format 1: the report recomputes it silently)
 */
record JournaledEvidence(List<Evidence> evidence, String problem) {
    JournaledEvidence {
        evidence = List.copyOf(evidence);
    }

    /**
     * Reads the verdict event's {@code evidence}; {@code formatTwo} (run.started {@code v} 2 on) means
     * the runner always wrote it, so an empty or missing list is damage rather than an older journal.
     */
    static JournaledEvidence of(JsonNode verdict, boolean formatTwo) {
        JsonNode list = verdict.path("evidence");
        if (!formatTwo && (list.isEmpty() || olderFormat(list))) {
            return new JournaledEvidence(List.of(), null);
        }
        if (!list.isArray()) {
            return damaged(list.isMissingNode() ? "it has no evidence" : "its evidence is not a list");
        }
        if (list.isEmpty()) {
            return damaged("its evidence is empty");
        }
        List<Evidence> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String problem = problem(e);
            if (problem != null) {
                return damaged("evidence entry " + (i + 1) + ": " + problem);
            }
            entries.add(new Evidence(e.get("probe").asText(), e.get("phase").asText(), text(e, "step"),
                    e.get("tolerance").asText(), e.get("expected").asText(),
                    e.path("observed").isNumber() ? e.get("observed").asDouble() : null, text(e, "observedText"),
                    status(e.get("status").asText()), e.get("samples").asLong(), e.get("failures").asLong(),
                    e.get("windows").asInt(), e.get("failingWindows").asInt(),
                    e.path("firstFailingT").isNumber() ? e.get("firstFailingT").asLong() : null));
        }
        return new JournaledEvidence(entries, null);
    }

    /** Format 1 wrote entries with {@code ok} instead of {@code status}: not damage, just older. */
    private static boolean olderFormat(JsonNode list) {
        JsonNode first = list.path(0);
        return first.isObject() && !first.has("status");
    }

    private static JournaledEvidence damaged(String problem) {
        return new JournaledEvidence(List.of(), problem);
    }

    private static String problem(JsonNode e) {
        if (!e.isObject()) {
            return "not an object";
        }
        for (String field : List.of("probe", "phase", "tolerance", "expected", "status")) {
            if (!e.path(field).isTextual()) {
                return field + (e.hasNonNull(field) ? " is not text" : " is missing");
            }
        }
        if (!Judge.PHASES.contains(e.get("phase").asText())) {
            return "phase is not one of " + String.join(", ", Judge.PHASES);
        }
        if (status(e.get("status").asText()) == null) {
            return "status is not pass, fail, no data or info";
        }
        try {
            Metric.parse(e.get("tolerance").asText());
        } catch (IllegalArgumentException x) {
            return "tolerance is not successRatio or a percentile such as p95";
        }
        for (String field : List.of("step", "observedText")) {
            if (e.hasNonNull(field) && !e.get(field).isTextual()) {
                return field + " is not text";
            }
        }
        if (e.hasNonNull("observed") && !(e.get("observed").isNumber() && Double.isFinite(e.get("observed").asDouble()))) {
            return "observed is not a number";
        }
        for (String field : List.of("samples", "failures", "windows", "failingWindows")) {
            JsonNode n = e.path(field);
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
                return field + " is not a count";
            }
        }
        if (e.get("failures").asLong() > e.get("samples").asLong()
                || e.get("failingWindows").asInt() > e.get("windows").asInt()) {
            return "it counts more failures than samples or windows";
        }
        if (e.get("failingWindows").asInt() > 0 && !e.path("firstFailingT").isIntegralNumber()) {
            return "it has failing windows but no firstFailingT";
        }
        return null;
    }

    private static Status status(String key) {
        for (Status s : Status.values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    private static String text(JsonNode e, String field) {
        return e.path(field).isTextual() ? e.get(field).asText() : null;
    }
}
