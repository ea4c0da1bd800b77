package dev.gameday.room;

/** One health check's answer: {@code ok}, and in words what it found. */
public record Health(String name, boolean ok, String detail) {}
