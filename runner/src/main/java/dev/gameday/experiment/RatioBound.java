package dev.gameday.experiment;

import dev.gameday.judge.Comparison;

/** {@code successRatio: ">= 99%"} is {@code RatioBound(GE, 0.99)}. */
public record RatioBound(Comparison op, double ratio) {}
