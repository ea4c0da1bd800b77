package dev.gameday.replay.internal;

/** A {@code sample} event without its JSON: the fields replay uses ({@code value} NaN when it measured none). */
public record ReplaySample(long t, long seq, String probe, boolean ok, double ms, double value) implements Entry {}
