package dev.gameday.experiment;

import java.util.List;
import java.util.Map;

/**
 * A whole experiment as written in its YAML file, after variable substitution and validation.
 * Every collection is non-null (empty when absent); optional sections are null when absent.
 * Durations are {@link java.time.Duration}s; percentages are fractions (99.9% is 0.999).
 */
public record Experiment(
        int version,
        String title,
        String description,
        String owner,
        String team,
        List<String> tags,
        String hypothesis,
        Map<String, String> vars,
        ToxiproxyTarget toxiproxy,
        List<ProxySpec> proxies,
        SteadyState steadyState,
        List<Step> method,
        List<AbortCondition> abort,
        List<Rollback> rollbacks,
        Recovery recovery,
        Slo slo,
        Premortem premortem,
        List<TabletopPrompt> tabletop) {

    public Experiment {
        tags = List.copyOf(tags);
        vars = Map.copyOf(vars);
        proxies = List.copyOf(proxies);
        method = List.copyOf(method);
        abort = List.copyOf(abort);
        rollbacks = List.copyOf(rollbacks);
        tabletop = List.copyOf(tabletop);
    }
}
