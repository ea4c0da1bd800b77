package dev.gameday.plan;

import java.util.List;

/**
 * A step of the plan: one experiment, a parallel group, or a matrix (one experiment × several vars
 * sets). Entries of a {@code parallel} stage run at the same time; otherwise one after the other.
 * The stop policy is checked between entries of a sequential stage and after a parallel one.
 */
public record Stage(List<PlannedExperiment> entries, boolean parallel) {
    public Stage {
        entries = List.copyOf(entries);
    }
}
