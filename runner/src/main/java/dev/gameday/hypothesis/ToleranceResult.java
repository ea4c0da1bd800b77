package dev.gameday.hypothesis;

/**
 * One bound evaluated over a window: {@code tolerance} is {@code successRatio} or a percentile name such
 * as {@code p95}; {@code expected} the bound as text ({@code >= 99%}, {@code <= 800ms});
 * {@code observed} a fraction or milliseconds (NaN when the window is empty), {@code observedText} its
 * text ({@code 97.5%}, {@code 912ms}, {@code no samples}).
 */
public record ToleranceResult(
        String probe, String tolerance, String expected, double observed, String observedText, boolean holds) {}
