package dev.gameday.judge;

/**
 * An abort condition: {@code when: "successRatio < 50%"} held over a window of {@code sustainedMs}
 * ({@code for: 2s}) of {@code probe}'s samples trips it. {@code condition} holds when the run must stop.
 */
public record AbortRule(String name, String probe, Bound condition, long sustainedMs) {}
