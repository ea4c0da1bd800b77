package dev.gameday.experiment;

/**
 * A named proxy the experiment creates (or reuses when it already exists on a real Toxiproxy server).
 * {@code listen} and {@code upstream} are {@code host:port}; port 0 in {@code listen} picks a free port.
 */
public record ProxySpec(String name, String listen, String upstream) {}
