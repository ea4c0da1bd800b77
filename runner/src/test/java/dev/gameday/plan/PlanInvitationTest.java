package dev.gameday.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invitation reads back as iCalendar with the zone, the people and roles, and the pre-mortem. */
class PlanInvitationTest {
    @TempDir
    Path dir;

    @Test
    void anInvitationWithParticipantsRolesZoneAndPremortem() throws Exception {
        DemoBed.writeOutageExperiment(dir);
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                title: Storefront game day
                owner: alice@example.com
                participants:
                  - { name: Alice, role: incident-commander, contact: alice@example.com }
                  - { name: Bob, role: scribe, contact: bob@example.com }
                  - { name: Dan, role: observer, contact: dan@example.com }
                when: {cron: '30 10 * * 2', zone: Europe/Berlin, window: 2h}
                experiments: [{experiment: outage.yaml}]
                premortem: https://wiki.example.com/premortem
                """);
        Plan plan = PlanLoader.load(file, Map.of(), PlanLoaderTest.VALIDATE).plan();
        Occurrence next = new Occurrences(plan).upcoming(ZonedDateTime.parse("2026-12-01T00:00+01:00[Europe/Berlin]"), 1).get(0);
        String ics = PlanInvitation.render(plan, next, Instant.parse("2026-11-30T12:00:00Z"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("METHOD").map(Property::getValue)).hasValue("REQUEST");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20261201T103000").contains("DTEND;TZID=Europe/Berlin:20261201T123000");
        List<Property> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees).extracting(Property::getValue)
                .containsExactly("mailto:alice@example.com", "mailto:bob@example.com", "mailto:dan@example.com");
        assertThat(attendees).extracting(a -> a.getParameter("ROLE").map(Parameter::getValue).orElse(""))
                .containsExactly("CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT");
        assertThat(attendees).extracting(a -> a.getParameter("X-GAMEDAY-ROLE").map(Parameter::getValue).orElse(""))
                .containsExactly("incident-commander", "scribe", "observer");
        assertThat(event.getProperty("ORGANIZER").map(Property::getValue)).hasValue("mailto:alice@example.com");
        assertThat(event.getProperty("URL").map(Property::getValue)).hasValue("https://wiki.example.com/premortem");
        assertThat(event.getProperty("ATTACH").map(Property::getValue)).hasValue("https://wiki.example.com/premortem");
        assertThat(event.getProperty("DESCRIPTION").map(Property::getValue).orElse(""))
                .contains("incident-commander: Alice").contains("- outage: outage.yaml").contains("Pre-mortem: https://");
    }

    @Test
    void aPremortemFileNextToThePlanIsAttached() throws Exception {
        DemoBed.writeOutageExperiment(dir);
        Files.writeString(dir.resolve("premortem.html"), "<h1>Pre-mortem</h1>");
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                title: T
                when: {at: 2027-01-05T10:30, zone: UTC, window: 1h}
                experiments: [{experiment: outage.yaml}]
                premortem: premortem.html
                """);
        Plan plan = PlanLoader.load(file, Map.of(), PlanLoaderTest.VALIDATE).plan();
        Occurrence at = new Occurrences(plan).next(ZonedDateTime.parse("2027-01-01T00:00Z")).orElseThrow();
        String ics = PlanInvitation.render(plan, at, Instant.parse("2026-12-01T00:00:00Z"));
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT").get(0);
        Property attach = event.getProperty("ATTACH").orElseThrow();
        assertThat(attach.getParameter("FMTTYPE").map(Parameter::getValue)).hasValue("text/html");
        assertThat(new String(java.util.Base64.getDecoder().decode(attach.getValue()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("<h1>Pre-mortem</h1>");
    }
}
