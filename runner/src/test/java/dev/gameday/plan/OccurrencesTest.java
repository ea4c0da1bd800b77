package dev.gameday.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Next starts from cron (Unix and Quartz) or a date-time, blackouts, freezes and daylight saving. */
class OccurrencesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @BeforeEach
    void experiment() throws IOException {
        DemoBed.writeOutageExperiment(dir);
    }

    Plan plan(String when, String rest) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "title: P\nexperiments: [{experiment: outage.yaml}]\nwhen: "
                + when + "\n" + rest);
        return PlanLoader.load(file, Map.of(), PlanLoaderTest.VALIDATE).plan();
    }

    static ZonedDateTime berlin(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BERLIN);
    }

    static List<String> starts(List<Occurrence> list) {
        return list.stream().map(o -> o.start().toOffsetDateTime().toString() + (o.runs() ? "" : " " + o.skipped())).toList();
    }

    @Test
    void aGameDayAt0230OnTheSpringForwardDayRunsAt0330SummerTime() throws IOException {
        // 2026-03-29: Europe/Berlin goes from 02:00 CET to 03:00 CEST; 02:30 does not exist that day.
        Plan daily = plan("{cron: '30 2 * * *', zone: Europe/Berlin, window: 1h}", "");
        assertThat(starts(new Occurrences(daily).upcoming(berlin("2026-03-28T00:00"), 3)))
                .containsExactly("2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00");
        Plan once = plan("{at: 2026-03-29T02:30, zone: Europe/Berlin, window: 1h}", "");
        assertThat(starts(new Occurrences(once).upcoming(berlin("2026-03-01T00:00"), 5)))
                .containsExactly("2026-03-29T03:30+02:00");
    }

    @Test
    void theDoubledAutumnHourRunsOnceAtItsFirstOccurrence() throws IOException {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, the game day once.
        Plan daily = plan("{cron: '0 30 2 * * ?', syntax: quartz, zone: Europe/Berlin, window: 1h}", "");
        assertThat(starts(new Occurrences(daily).upcoming(berlin("2026-10-24T12:00"), 2)))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
        Plan halfHourly = plan("{cron: '*/30 * * * *', zone: Europe/Berlin, window: 10m}", "");
        assertThat(starts(new Occurrences(halfHourly).upcoming(berlin("2026-10-25T01:45"), 4)))
                .containsExactly("2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00", "2026-10-25T03:00+01:00",
                        "2026-10-25T03:30+01:00");
    }

    @Test
    void blackoutsAndFreezesSkipStartsAndSayWhy() throws IOException {
        Files.writeString(dir.resolve("freezes.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:f1@test", "DTSTAMP:20260101T000000Z",
                "DTSTART;TZID=Europe/Berlin:20260609T100000", "DTEND;TZID=Europe/Berlin:20260609T120000",
                "SUMMARY:Release 4.2 freeze", "END:VEVENT", "BEGIN:VEVENT", "UID:f2@test", "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20260102", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
                "SUMMARY:Month-end close", "END:VEVENT", "END:VCALENDAR", ""));
        // Every day at 10:30 for 1 h, from Friday 2026-05-29.
        Plan plan = plan("{cron: '30 10 * * *', zone: Europe/Berlin, window: 1h}", """
                blackouts:
                  - { reason: weekends, days: [weekends] }
                  - { reason: offsite, from: 2026-06-02T00:00, to: 2026-06-03T00:00 }
                  - { reason: standup, days: [thursday], from: "11:00", to: "11:15" }
                freezes: [freezes.ics]
                """);
        List<Occurrence> list = new Occurrences(plan).upcoming(berlin("2026-05-29T00:00"), 3);
        assertThat(starts(list)).containsExactly(
                "2026-05-29T10:30+02:00",
                "2026-05-30T10:30+02:00 blackout: weekends",
                "2026-05-31T10:30+02:00 blackout: weekends",
                "2026-06-01T10:30+02:00 freeze: Month-end close (freezes.ics, 2026-06-01T00:00 to 2026-06-02T00:00)",
                "2026-06-02T10:30+02:00 blackout: offsite",
                "2026-06-03T10:30+02:00",
                "2026-06-04T10:30+02:00 blackout: standup",
                "2026-06-05T10:30+02:00");
        assertThat(new Occurrences(plan).judge(berlin("2026-06-09T10:30")).skipped())
                .isEqualTo("freeze: Release 4.2 freeze (freezes.ics, 2026-06-09T10:00 to 2026-06-09T12:00)");
    }

    @Test
    void aWindowThatRunsIntoABlackoutIsSkippedToo() throws IOException {
        Plan plan = plan("{at: 2026-05-29T23:30, zone: Europe/Berlin, window: 1h}", "blackouts: [{reason: weekends, days: [sat, sun]}]\n");
        Occurrence o = new Occurrences(plan).next(berlin("2026-05-01T00:00")).orElseThrow();
        assertThat(o.skipped()).isEqualTo("blackout: weekends");
        assertThat(o.end().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-05-30T00:30+02:00"));
    }

    @Test
    void unixAndQuartzSyntaxAgree() throws IOException {
        Plan unix = plan("{cron: '30 10 * * 2', zone: UTC, window: 1h}", "");
        Plan quartz = plan("{cron: '0 30 10 ? * TUE', syntax: quartz, zone: UTC, window: 1h}", "");
        ZonedDateTime from = ZonedDateTime.parse("2026-12-01T00:00Z");
        assertThat(starts(new Occurrences(unix).upcoming(from, 3))).isEqualTo(starts(new Occurrences(quartz).upcoming(from, 3)))
                .containsExactly("2026-12-01T10:30Z", "2026-12-08T10:30Z", "2026-12-15T10:30Z");
    }
}
