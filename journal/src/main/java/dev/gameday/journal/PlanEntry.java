package dev.gameday.journal;

/** One step of the flattened method timeline; {@code startMs} counts from the start of the method phase. */
public record PlanEntry(
        String step, String kind, String parent, long startMs, long durationMs, String proxy, String toxic) {}
