package dev.gameday.experiment;

/**
 * A facilitator's question for replays, attached to a step ({@code step}, at its {@code at} =
 * {@code start} or {@code end}) or to a phase ({@code phase}: before, method, recovery, after).
 * Exactly one of {@code step} and {@code phase} is set.
 */
public record TabletopPrompt(String step, String phase, String at, String prompt) {}
