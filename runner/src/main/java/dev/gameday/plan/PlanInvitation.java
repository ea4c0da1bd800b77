package dev.gameday.plan;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Encoding;
import net.fortuna.ical4j.model.parameter.FmtType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.parameter.XParameter;
import net.fortuna.ical4j.model.property.Attach;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * {@code gameday plan ics}: an iCalendar invitation (ical4j, METHOD:REQUEST) for one occurrence of a
 * plan: the window in the plan's time zone (with its VTIMEZONE), every participant as an attendee
 * with their role (the incident commander chairs, observers are optional; {@code X-GAMEDAY-ROLE}
 * names the game-day role), the experiments in the description, and the pre-mortem: a URL is linked
 * (URL and ATTACH), a file next to the plan is attached inline.
 */
public final class PlanInvitation {
    private static final long MAX_ATTACHMENT = 1024 * 1024;

    private PlanInvitation() {}

    public static String render(Plan plan, Occurrence occurrence, Instant now) throws IOException {
        ZonedDateTime start = occurrence.start();
        VEvent event = new VEvent(start, occurrence.end(), "Game day: " + plan.title());
        event.add(new Uid(UUID.nameUUIDFromBytes((plan.file().toAbsolutePath() + "@" + start.toInstant())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "@gameday"));
        event.add(new DtStamp(now));
        if (plan.owner() != null) {
            event.add(new Organizer(mailto(plan.owner())));
        }
        for (Participant p : plan.participants()) {
            Attendee a = new Attendee(mailto(p.contact() == null ? p.name() : p.contact()));
            a.add(new Cn(p.name()));
            a.add(switch (p.role()) {
                case "incident-commander" -> Role.CHAIR;
                case "observer" -> Role.OPT_PARTICIPANT;
                default -> Role.REQ_PARTICIPANT;
            });
            a.add(new XParameter("X-GAMEDAY-ROLE", p.role()));
            a.add(PartStat.NEEDS_ACTION);
            a.add(Rsvp.TRUE);
            event.add(a);
        }
        event.add(new Description(description(plan, occurrence)));
        premortem(plan, event);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Gameday//plan invitation//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_REQUEST));
        calendar.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(start.getZone().getId())
                .getVTimeZone());
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (ValidationException e) {
            throw new IllegalStateException("the invitation is not valid iCalendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static String description(Plan plan, Occurrence o) {
        StringBuilder s = new StringBuilder();
        s.append("Game day ").append(plan.title()).append(", ").append(o.start().toLocalDateTime()).append(" to ")
                .append(o.end().toLocalDateTime()).append(' ').append(o.start().getZone().getId()).append(".\n");
        if (plan.team() != null) {
            s.append("Team: ").append(plan.team()).append('\n');
        }
        s.append("\nRoles:\n");
        plan.participants().forEach(p -> s.append("- ").append(p.role()).append(": ").append(p.name())
                .append(p.contact() == null ? "" : " <" + p.contact() + ">").append('\n'));
        s.append("\nExperiments (").append(plan.stop() == StopPolicy.NEVER ? "all run" : "stop at the first failure")
                .append("):\n");
        for (Stage stage : plan.stages()) {
            for (PlannedExperiment e : stage.entries()) {
                s.append("- ").append(e.id()).append(stage.parallel() ? " (in parallel)" : "").append(": ")
                        .append(e.experiment().getFileName()).append('\n');
            }
        }
        if (plan.premortem() != null) {
            s.append("\nPre-mortem: ").append(plan.premortem()).append('\n');
        }
        return plan.redactor().redact(s.toString());
    }

    private static void premortem(Plan plan, VEvent event) throws IOException {
        String p = plan.premortem();
        if (p == null) {
            return;
        }
        if (p.toLowerCase(Locale.ROOT).startsWith("http://") || p.toLowerCase(Locale.ROOT).startsWith("https://")) {
            URI uri = URI.create(p.strip());
            event.add(new Url(uri));
            event.add(new Attach(uri));
            return;
        }
        Path file = plan.file().toAbsolutePath().getParent().resolve(p);
        if (Files.isRegularFile(file) && Files.size(file) <= MAX_ATTACHMENT) {
            ParameterList params = new ParameterList(java.util.List.of(
                    new FmtType(p.endsWith(".html") ? "text/html" : p.endsWith(".md") ? "text/markdown" : "application/octet-stream"),
                    Encoding.BASE64, Value.BINARY, new XParameter("X-FILENAME", file.getFileName().toString())));
            event.add(new Attach(params, Files.readAllBytes(file)));
        }
    }

    private static URI mailto(String contact) {
        String c = contact.strip();
        return URI.create(c.contains(":") ? c : "mailto:" + c.replace(" ", "."));
    }
}
