package dev.gameday.experiment;

import java.time.Duration;

/** The service objective that prices a run in error budget: {@code objective} 0.999 over {@code window} 30d. */
public record Slo(double objective, Duration window) {}
