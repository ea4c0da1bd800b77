package dev.gameday.experiment;

import java.time.Duration;

/**
 * Moves one attribute of a fault from {@code from} to {@code to} (Toxiproxy units) over {@code over},
 * updating the toxic every {@code every}; the value then stays at {@code to} until the fault ends.
 */
public record Ramp(String attribute, long from, long to, Duration over, Duration every) {}
