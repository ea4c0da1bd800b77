package dev.gameday.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gameday.judge.Rules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of the experiment copy ({@code docs/journal.md}, "The experiment copy"): the only
 * view of an experiment that reports have. Absent fields read as empty, so reports of partial or
 * older journals still render.
 */
public record ExperimentView(JsonNode json) {
    public ExperimentView {
        json = json == null ? MissingNode.getInstance() : json;
    }

    public String title() {
        return text(json, "title", "Untitled experiment");
    }

    public String owner() {
        return text(json, "owner", null);
    }

    public String team() {
        return text(json, "team", null);
    }

    public String hypothesis() {
        return text(json, "hypothesis", null);
    }

    public String description() {
        return text(json, "description", null);
    }

    public JsonNode premortem() {
        return json.path("premortem");
    }

    public long beforeMs() {
        return json.path("steadyState").path("before").asLong(0);
    }

    public long afterMs() {
        return json.path("steadyState").path("after").asLong(0);
    }

    /** The recovery bound, or null when the experiment sets none. */
    public Long recoveryWithinMs() {
        JsonNode within = json.path("recovery").path("within");
        return within.isNumber() ? within.asLong() : null;
    }

    public boolean embeddedToxiproxy() {
        return json.path("toxiproxy").path("url").isNull() || json.path("toxiproxy").path("url").isMissingNode();
    }

    public List<JsonNode> probes() {
        return list(json.path("steadyState").path("probes"));
    }

    public List<JsonNode> proxies() {
        return list(json.path("proxies"));
    }

    public List<JsonNode> abortConditions() {
        return list(json.path("abort"));
    }

    public List<JsonNode> rollbacks() {
        return list(json.path("rollbacks"));
    }

    /** Upstream address of every proxy by name. */
    public Map<String, String> upstreams() {
        Map<String, String> upstreams = new HashMap<>();
        proxies().forEach(p -> upstreams.put(p.path("name").asText(), p.path("upstream").asText(null)));
        return upstreams;
    }

    /** The judge's reading of this experiment: tolerances, abort conditions, recovery bound. */
    public Rules rules() {
        return Rules.of(json);
    }

    /** The method's timeline: sequential steps, parallel children starting together. */
    public List<PlannedStep> schedule() {
        List<PlannedStep> plan = new ArrayList<>();
        long cursor = 0;
        for (JsonNode step : list(json.path("method"))) {
            cursor += schedule(step, null, cursor, 0, plan);
        }
        return plan;
    }

    private static long schedule(JsonNode step, String parent, long start, int depth, List<PlannedStep> plan) {
        String name = step.path("name").asText();
        JsonNode fault = step.path("fault");
        if (fault.isObject()) {
            long duration = fault.path("duration").asLong(0);
            plan.add(new PlannedStep(name, "fault", parent, start, duration, fault.path("proxy").asText(null),
                    fault.path("toxic").asText(null), depth));
            return duration;
        }
        if (step.path("pause").isNumber()) {
            long duration = step.path("pause").asLong();
            plan.add(new PlannedStep(name, "pause", parent, start, duration, null, null, depth));
            return duration;
        }
        int index = plan.size();
        plan.add(null);
        long longest = 0;
        for (JsonNode child : list(step.path("parallel"))) {
            longest = Math.max(longest, schedule(child, name, start, depth + 1, plan));
        }
        plan.set(index, new PlannedStep(name, "parallel", parent, start, longest, null, null, depth));
        return longest;
    }

    /** Every fault definition by step name, parallel children included. */
    public Map<String, JsonNode> faults() {
        Map<String, JsonNode> faults = new HashMap<>();
        collectFaults(list(json.path("method")), faults);
        return faults;
    }

    private static void collectFaults(List<JsonNode> steps, Map<String, JsonNode> faults) {
        for (JsonNode step : steps) {
            if (step.path("fault").isObject()) {
                faults.put(step.path("name").asText(), step.path("fault"));
            }
            collectFaults(list(step.path("parallel")), faults);
        }
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    public static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().strip() : fallback;
    }
}
