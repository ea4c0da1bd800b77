package dev.gameday.experiment;

import dev.gameday.judge.Comparison;

/**
 * {@code value: "<= 0.01"} is {@code ValueBound(LE, 0.01)}: every value a probe measured in a tolerance
 * window must meet it (docs/run.md, "How the verdict is reached"). Only probe types that measure a
 * value ({@code prometheus}) take one.
 */
public record ValueBound(Comparison op, double threshold) {}
