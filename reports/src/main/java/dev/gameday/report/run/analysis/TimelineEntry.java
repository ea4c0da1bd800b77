package dev.gameday.report.run;

import dev.gameday.report.doc.Tone;

/** One non-sample event of the journal in words. */
record TimelineEntry(long t, String type, Tone tone, String text) {}
