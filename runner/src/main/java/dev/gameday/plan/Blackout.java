package dev.gameday.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A window the plan must never overlap, in the plan's wall-clock time: fixed ({@code from}..{@code to}
 * date-times) or recurring on {@code days} of the week (the whole day, or {@code fromTime}..{@code toTime}
 * of each such day). {@code reason} says why, for {@code plan next} and the scheduler's history.
 */
public record Blackout(String reason, LocalDateTime from, LocalDateTime to, Set<DayOfWeek> days, LocalTime fromTime,
        LocalTime toTime) {
    public Blackout {
        days = days == null ? Set.of() : Set.copyOf(days);
    }

    public static Blackout fixed(String reason, LocalDateTime from, LocalDateTime to) {
        return new Blackout(reason, from, to, Set.of(), null, null);
    }

    public static Blackout recurring(String reason, Set<DayOfWeek> days, LocalTime fromTime, LocalTime toTime) {
        return new Blackout(reason, null, null, days, fromTime, toTime);
    }

    /** Whether [start, end) touches this blackout (both in the plan's zone). */
    public boolean overlaps(ZonedDateTime start, ZonedDateTime end) {
        LocalDateTime s = start.toLocalDateTime();
        LocalDateTime e = end.withZoneSameInstant(start.getZone()).toLocalDateTime();
        if (from != null) {
            return s.isBefore(to) && e.isAfter(from);
        }
        for (LocalDate d = s.toLocalDate().minusDays(1); !d.isAfter(e.toLocalDate()); d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            LocalDateTime bs = d.atTime(fromTime == null ? LocalTime.MIDNIGHT : fromTime);
            // A window such as 22:00-06:00 runs into the next day; no times means the whole day.
            LocalDateTime be = toTime == null ? d.plusDays(1).atStartOfDay()
                    : toTime.isAfter(bs.toLocalTime()) ? d.atTime(toTime) : d.plusDays(1).atTime(toTime);
            if (s.isBefore(be) && e.isAfter(bs)) {
                return true;
            }
        }
        return false;
    }
}
