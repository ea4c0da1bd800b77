package dev.gameday.plan.internal;

import dev.gameday.plan.Freeze;
import dev.gameday.yaml.Node;
import dev.gameday.yaml.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The change freezes of an iCalendar file (ical4j): every VEVENT, its recurrences (RRULE, RDATE,
 * EXDATE) expanded between {@link #FROM} and {@link #TO}. All-day events are whole days in the plan's zone.
 */
final class Freezes {
    static final ZonedDateTime FROM = ZonedDateTime.parse("2020-01-01T00:00Z");
    static final ZonedDateTime TO = ZonedDateTime.parse("2040-01-01T00:00Z");
    private static final int MAX = 10_000;

    private Freezes() {}

    static List<Freeze> read(Path file, ZoneId zone, Node at, Problems problems) {
        Calendar calendar;
        try (InputStream in = Files.newInputStream(file)) {
            calendar = new CalendarBuilder().build(in);
        } catch (java.nio.file.NoSuchFileException e) {
            problems.add(at, "freezes: no such file: " + file);
            return List.of();
        } catch (IOException | ParserException | RuntimeException e) {
            problems.add(at, "freezes: " + file + " is not an iCalendar file: " + e.getMessage());
            return List.of();
        }
        List<Freeze> out = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            String summary = event.getSummary() == null ? "change freeze" : event.getSummary().getValue();
            try {
                boolean allDay = event.getStartDate().map(d -> d.getDate() instanceof LocalDate).orElse(false);
                Period<?> horizon = allDay ? new Period<>(FROM.toLocalDate(), TO.toLocalDate()) : new Period<>(FROM, TO);
                for (Period<?> p : event.calculateRecurrenceSet(horizon)) {
                    out.add(new Freeze(summary, instant(p.getStart(), zone), instant(p.getEnd(), zone),
                            file.getFileName().toString()));
                    if (out.size() > MAX) {
                        problems.add(at, "freezes: " + file + " expands to more than " + MAX + " freezes before " + TO.getYear());
                        return List.of();
                    }
                }
            } catch (RuntimeException e) {
                problems.add(at, "freezes: " + file + ": the event '" + summary + "' has no usable start and end: "
                        + e.getMessage());
            }
        }
        out.sort(java.util.Comparator.comparing(Freeze::start));
        return out;
    }


    /**
     * The instant of an event's start or end: with its own zone or offset as written; a date is the
     * start of that day, and a floating time that time, in the plan's zone. (Not ical4j's
     * {@code Period.toInterval(zone)}, which shifts zoned times by the zone's offset once more.)
     */
    private static Instant instant(Temporal t, ZoneId zone) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        return Instant.from(t);
    }
}
