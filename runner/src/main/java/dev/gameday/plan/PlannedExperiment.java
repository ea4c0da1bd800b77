package dev.gameday.plan;

import java.nio.file.Path;
import java.util.Map;

/**
 * One experiment run of a plan: {@code id} (unique in the plan: the experiment's file name, with the
 * matrix row's index for a matrix), the experiment file (resolved against the plan's folder), and the
 * {@code --var}s it runs with (the plan's, overridden by the entry's or the matrix row's).
 */
public record PlannedExperiment(String id, Path experiment, Map<String, String> vars) {
    public PlannedExperiment {
        vars = Map.copyOf(vars);
    }
}
