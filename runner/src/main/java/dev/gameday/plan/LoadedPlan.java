package dev.gameday.plan;

import dev.gameday.yaml.Problem;
import java.util.List;

/** A plan that loaded, and the warnings of the plan file and of its experiments (located, fit to show). */
public record LoadedPlan(Plan plan, List<Problem> warnings) {
    public LoadedPlan {
        warnings = List.copyOf(warnings);
    }
}
