package dev.gameday.experiment;

import dev.gameday.judge.Comparison;
import java.time.Duration;

/**
 * Stops the run early: {@code when: "successRatio < 50%"} or {@code when: "p95 > 2s"} on one probe,
 * holding over a sliding window of {@code sustained} ({@code for:} in YAML). {@code metric} is
 * {@code successRatio} or a percentile such as {@code p95}; {@code threshold} is a fraction for the
 * ratio and milliseconds for a percentile.
 */
public record AbortCondition(
        String name, String probe, String metric, Comparison op, double threshold, Duration sustained) {}
