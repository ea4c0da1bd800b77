package dev.gameday.report.run.analysis;

import java.util.List;

/** The journal's events other than samples, in words, up to a cap; {@code omitted} counts the rest. */
public record EventTimeline(List<TimelineEntry> entries, long omitted) {
    public EventTimeline {
        entries = List.copyOf(entries);
    }
}
