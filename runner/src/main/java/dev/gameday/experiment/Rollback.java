package dev.gameday.experiment;

import java.time.Duration;

/**
 * An extra action run at the end of every run (faults are removed regardless): an {@code http} call
 * or a {@code command}, with the same fields as the probe of that type.
 */
public record Rollback(String name, ProbeTarget action, Duration timeout) {}
