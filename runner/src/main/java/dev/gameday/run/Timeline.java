package dev.gameday.run;

import dev.gameday.experiment.Step;
import dev.gameday.journal.PlanEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The method flattened: every step with its start and duration, measured from the start of the method
 * phase. Sequential steps follow each other; the children of a parallel block all start with it, and
 * the block lasts as long as its longest child.
 */
record Timeline(List<Entry> entries, long totalMs) {
    public Timeline {
        entries = List.copyOf(entries);
    }

    /** One step placed on the timeline; {@code parent} is the enclosing parallel step or null. */
    public record Entry(Step step, String parent, long startMs, long durationMs) {
        public long endMs() {
            return startMs + durationMs;
        }

        public String kind() {
            return step.kind().name().toLowerCase(Locale.ROOT);
        }

        public PlanEntry toPlan() {
            return new PlanEntry(step.name(), kind(), parent, startMs, durationMs,
                    step.fault() == null ? null : step.fault().proxy(),
                    step.fault() == null ? null : step.fault().toxic());
        }
    }

    public static Timeline of(List<Step> method) {
        List<Entry> out = new ArrayList<>();
        long t = 0;
        for (Step s : method) {
            t += place(s, null, t, out);
        }
        return new Timeline(out, t);
    }

    public List<PlanEntry> plan() {
        return entries.stream().map(Entry::toPlan).toList();
    }

    /** Adds the step (and its children) starting at {@code start}; returns its duration. */
    private static long place(Step s, String parent, long start, List<Entry> out) {
        int index = out.size();
        out.add(null);
        long duration = switch (s.kind()) {
            case FAULT -> ms(s.fault().duration());
            case PAUSE -> ms(s.pause());
            case PARALLEL -> {
                long longest = 0;
                for (Step child : s.parallel()) {
                    longest = Math.max(longest, place(child, s.name(), start, out));
                }
                yield longest;
            }
        };
        out.set(index, new Entry(s, parent, start, duration));
        return duration;
    }

    private static long ms(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
