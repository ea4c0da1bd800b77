package dev.gameday.plan;

import java.time.Instant;

/** A change freeze read from an iCalendar file: the plan must not overlap [start, end). */
public record Freeze(String summary, Instant start, Instant end, String source) {}
