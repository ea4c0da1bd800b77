package dev.gameday.replay.internal;

/** A {@code sample} event without its JSON: the fields replay uses. */
public record Sample(long t, long seq, String probe, boolean ok, double ms) implements Entry {}
