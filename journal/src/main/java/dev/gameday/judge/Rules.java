package dev.gameday.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The judge's reading of an experiment: its probes' tolerances, its abort conditions, its recovery
 * bound and whether it has a baseline. Read from the experiment copy that {@code run.started} journals
 * ({@code docs/journal.md}), so the runner and every report judge from the very same text.
 */
public record Rules(List<ProbeRule> probes, List<AbortRule> aborts, Long recoveryWithinMs, boolean baseline) {
    /** The window a probe gets when its tolerance names none (older experiment copies). */
    public static final long DEFAULT_WINDOW_MS = 5000;
    static final List<String> CHECKABLE = List.of("before", "during", "after");

    public Rules {
        probes = List.copyOf(probes);
        aborts = List.copyOf(aborts);
    }

    public static Rules of(JsonNode experiment) {
        List<ProbeRule> probes = new ArrayList<>();
        for (JsonNode p : experiment.path("steadyState").path("probes")) {
            probes.add(probe(p));
        }
        List<AbortRule> aborts = new ArrayList<>();
        for (JsonNode a : experiment.path("abort")) {
            aborts.add(new AbortRule(a.path("name").asText(), a.path("probe").asText(),
                    new Bound(Metric.parse(a.path("metric").asText()), Comparison.ofSymbol(a.path("op").asText("<")),
                            a.path("threshold").asDouble()),
                    Math.max(1, a.path("sustained").asLong(1))));
        }
        JsonNode within = experiment.path("recovery").path("within");
        boolean baseline = !"skip".equals(experiment.path("steadyState").path("baseline").asText("required"));
        return new Rules(probes, aborts, within.isNumber() ? within.asLong() : null, baseline);
    }

    public ProbeRule probe(String name) {
        for (ProbeRule p : probes) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The probes whose steady state must come back after the faults: those checked during or after (all when none is). */
    public List<ProbeRule> recoveryProbes() {
        List<ProbeRule> relevant = probes.stream().filter(p -> p.checks("during") || p.checks("after")).toList();
        return relevant.isEmpty() ? probes : relevant;
    }

    private static ProbeRule probe(JsonNode p) {
        JsonNode tolerance = p.path("tolerance");
        List<Bound> bounds = new ArrayList<>();
        JsonNode ratio = tolerance.path("successRatio");
        if (ratio.isObject()) {
            bounds.add(new Bound(Metric.SUCCESS_RATIO, Comparison.ofSymbol(ratio.path("op").asText(">=")),
                    ratio.path("ratio").asDouble()));
        }
        for (JsonNode latency : tolerance.path("latency")) {
            bounds.add(new Bound(Metric.percentile(latency.path("percentile").asDouble()),
                    Comparison.ofSymbol(latency.path("op").asText("<=")), latency.path("limit").asDouble()));
        }
        JsonNode value = tolerance.path("value");
        if (value.isObject()) {
            bounds.add(new Bound(Metric.VALUE, Comparison.ofSymbol(value.path("op").asText("<=")),
                    value.path("threshold").asDouble()));
        }
        Set<String> checked = new HashSet<>();
        JsonNode check = p.path("check");
        if (!check.isArray() || check.isEmpty()) {
            checked.addAll(CHECKABLE);
        }
        for (JsonNode c : check) {
            if (c.asText().equals("continuously")) {
                checked.addAll(CHECKABLE);
            } else if (CHECKABLE.contains(c.asText())) {
                checked.add(c.asText());
            }
        }
        long window = tolerance.path("window").asLong(0);
        return new ProbeRule(p.path("name").asText(), Math.max(1, p.path("interval").asLong(1000)),
                Math.max(1, p.path("timeout").asLong(1000)), checked, window > 0 ? window : DEFAULT_WINDOW_MS,
                bounds);
    }
}
