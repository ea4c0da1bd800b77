package dev.gameday.plan.schedule;

import java.time.Instant;

/**
 * One line of a plan's schedule history ({@code <runs>/schedule/<plan>.history.jsonl}):
 * {@code watching} (the scheduler first saw the plan at {@code at}; starts before that are not its),
 * {@code started} (the start {@code scheduled} for a time was launched at {@code at}; {@code reason}
 * says how late, when it was), {@code skipped} (it was not, and {@code reason} says why: a blackout or
 * freeze, a run in progress, a start missed while the scheduler was down), {@code ended} (with the
 * plan's {@code verdict} and {@code planDir}), {@code interrupted} (the scheduler stopped during the
 * run), {@code notified} (plan.soon went out for {@code scheduled}).
 */
public record HistoryEntry(String event, Instant scheduled, Instant at, String reason, String verdict, String planDir) {
    public static final String WATCHING = "watching";
    public static final String STARTED = "started";
    public static final String SKIPPED = "skipped";
    public static final String ENDED = "ended";
    public static final String INTERRUPTED = "interrupted";
    public static final String NOTIFIED = "notified";
}
