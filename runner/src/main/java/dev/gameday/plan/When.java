package dev.gameday.plan;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a plan runs: once at {@code at} (a wall-clock time in {@code zone}) or at every time of
 * {@code cron} (wall-clock times in {@code zone}); the whole plan must finish within {@code window}
 * of its start; a start missed by at most {@code grace} (the scheduler was down) still runs, late.
 *
 * <p>Daylight saving, the one rule for both: a wall-clock time is turned into an instant by
 * {@link ZonedDateTime#ofLocal} with no preferred offset. A time in the spring-forward gap (02:30 on a
 * day the clocks go from 02:00 to 03:00) runs at the same distance after the gap's end (03:30); a time
 * in the doubled autumn hour runs once, at its first occurrence (the summer-time offset).
 */
public record When(LocalDateTime at, CronSchedule cron, ZoneId zone, Duration window, Duration grace) {
    /** The instant of wall-clock time {@code local} in the plan's zone, by the rule above. */
    public ZonedDateTime resolve(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null);
    }
}
