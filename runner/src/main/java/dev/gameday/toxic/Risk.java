package dev.gameday.toxic;

/** A thing that tends to go wrong under a fault, and where to watch for it. */
public record Risk(String risk, String watch) {}
