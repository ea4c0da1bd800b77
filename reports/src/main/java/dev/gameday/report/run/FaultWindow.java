package dev.gameday.report.run;

/**
 * A fault as it happened: when it was injected and removed (epoch ms, {@code removedT} null if never
 * seen), and how long the steady state took to notice it ({@code ttdMs} null when never).
 */
record FaultWindow(String step, String proxy, String description, long injectedT, Long removedT, Long ttdMs,
        String detectedBy) {}
