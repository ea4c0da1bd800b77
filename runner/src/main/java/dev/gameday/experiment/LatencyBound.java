package dev.gameday.experiment;

import dev.gameday.judge.Comparison;
import java.time.Duration;

/** {@code p95: "<= 800ms"} is {@code LatencyBound(95.0, LE, 800ms)}; percentile is in (0, 100]. */
public record LatencyBound(double percentile, Comparison op, Duration limit) {}
