package dev.gameday.report.run.analysis;

import dev.gameday.report.doc.Tone;

/** One non-sample event of the journal in words. */
public record TimelineEntry(long t, String type, Tone tone, String text) {}
