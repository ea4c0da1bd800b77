package dev.gameday.journal;

/** A fault that is (or may still be) in place: a toxic by name, or an outage ({@code toxicName} null). */
public record InjectedRef(String proxy, String toxicName) {}
