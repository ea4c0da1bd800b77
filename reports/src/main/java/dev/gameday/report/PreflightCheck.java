package dev.gameday.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.ToleranceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One live pre-flight result gathered by {@code gameday premortem --check}: what was checked, whether it
 * is fine to start, and what was measured or went wrong.
 */
public record PreflightCheck(String name, boolean ok, String detail) {

    /**
     * Whether a probe's steady state holds right now, from a few samples just taken: every bound of
     * its tolerance (from the experiment copy) against the measured value.
     *
     * @param probe the probe as in the experiment copy
     * @param latencyMs the samples' latencies (the timeout for a sample that timed out)
     * @param ok whether each sample succeeded
     */
    public static PreflightCheck steadyState(JsonNode probe, double[] latencyMs, boolean[] ok) {
        String name = "steady state of " + probe.path("name").asText() + " right now";
        if (latencyMs.length == 0) {
            return new PreflightCheck(name, false, "no sample could be taken");
        }
        long succeeded = 0;
        for (boolean b : ok) {
            succeeded += b ? 1 : 0;
        }
        double[] sorted = latencyMs.clone();
        Arrays.sort(sorted);
        boolean holds = true;
        List<String> measured = new ArrayList<>();
        for (ToleranceSpec spec : ExperimentView.tolerances(probe)) {
            double value = spec.isRatio() ? succeeded / (double) ok.length
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(spec.percentile() / 100 * sorted.length) - 1)];
            boolean bound = spec.holds(value);
            holds &= bound;
            measured.add(spec.label() + " " + spec.format(value) + " (tolerance " + spec.expected() + (bound ? ")"
                    : ", NOT MET)"));
        }
        return new PreflightCheck(name, holds, latencyMs.length + " samples: " + String.join(", ", measured));
    }
}
