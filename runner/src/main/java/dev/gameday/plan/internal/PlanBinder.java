package dev.gameday.plan.internal;

import dev.gameday.experiment.Redactor;
import dev.gameday.plan.Blackout;
import dev.gameday.plan.CronSchedule;
import dev.gameday.plan.Freeze;
import dev.gameday.plan.Notification;
import dev.gameday.plan.Participant;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlannedExperiment;
import dev.gameday.plan.Stage;
import dev.gameday.plan.StopPolicy;
import dev.gameday.plan.When;
import dev.gameday.yaml.Fields;
import dev.gameday.yaml.Node;
import dev.gameday.yaml.Problems;
import dev.gameday.yaml.Suggestions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Binds a plan's located tree to a {@link Plan}, recording every problem and reading on. */
public final class PlanBinder {
    private static final List<String> TOP = List.of("version", "title", "description", "owner", "team",
            "participants", "when", "blackouts", "freezes", "vars", "experiments", "stop", "notifications", "premortem");
    private static final List<String> WHEN = List.of("at", "cron", "syntax", "zone", "window", "grace");
    private static final List<String> ENTRY = List.of("experiment", "id", "vars", "matrix", "parallel");
    private static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "weekdays", "weekends");

    private final Path file;
    private final Path base;
    private final PlanSecrets secrets;
    private final Problems problems;
    private final Map<String, String> cliVars;
    private final Set<String> ids = new HashSet<>();
    private final Set<Path> missing = new HashSet<>();
    private final Map<String, Node> where = new java.util.HashMap<>();

    public PlanBinder(Path file, Map<String, String> cliVars, Map<String, String> env, boolean requireSecrets,
            Problems problems) {
        this.file = file;
        this.cliVars = Map.copyOf(cliVars);
        this.base = file.toAbsolutePath().getParent();
        this.secrets = new PlanSecrets(env, requireSecrets, problems);
        this.problems = problems;
    }

    /** False when the entry's experiment file does not exist (reported at the entry). */
    public boolean experimentExists(PlannedExperiment entry) {
        return !missing.contains(entry.experiment());
    }

    /** Where the entry is written (its {@code experiment} value): for problems found after binding. */
    public Node where(PlannedExperiment entry) {
        return where.get(entry.id());
    }

    public Plan bind(Node.MapNode tree) {
        Fields f = Fields.of(tree, "", TOP, problems);
        Long version = f.integer("version", 1L);
        if (version != null && version != 1) {
            f.problem("version", "only version 1 is known");
        }
        String title = f.requiredString("title", "a one-line name for the game day");
        List<Participant> participants = participants(f);
        When when = f.has("when") ? when(f.fields("when", WHEN)) : null;
        ZoneId zone = when == null ? ZoneId.of("UTC") : when.zone();
        List<Blackout> blackouts = blackouts(f);
        List<Freeze> freezes = new ArrayList<>();
        for (Node.Scalar s : f.values("freezes")) {
            freezes.addAll(Freezes.read(base.resolve(s.text()), zone, s, problems));
        }
        Map<String, String> vars = vars(f.entries("vars"), "vars");
        Map<String, String> forEntries = new LinkedHashMap<>(vars);
        forEntries.putAll(cliVars);
        List<Stage> stages = stages(f, forEntries);
        String stop = f.choice("stop", List.of("first-failure", "never"), "first-failure");
        List<Notification> notifications = notifications(f);
        return new Plan(file, title == null ? "" : title, f.string("owner"), f.string("team"), participants, when,
                blackouts, freezes, vars, stages, "never".equals(stop) ? StopPolicy.NEVER : StopPolicy.FIRST_FAILURE,
                notifications, f.string("premortem"), Redactor.of(secrets.values()));
    }

    private List<Participant> participants(Fields f) {
        List<Participant> out = new ArrayList<>();
        List<Node> items = f.list("participants");
        for (int i = 0; i < items.size(); i++) {
            Fields p = Fields.of(items.get(i), "participants[" + i + "]", List.of("name", "role", "contact"), problems);
            String name = p.requiredString("name", "who takes part");
            String role = p.has("role") ? p.choice("role", Participant.ROLES, null) : "observer";
            out.add(new Participant(name, role, p.string("contact")));
        }
        return out;
    }

    private When when(Fields w) {
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = w.string("zone");
        if (zoneText == null) {
            w.missing("zone", "an IANA time zone such as Europe/Berlin (the plan's times are wall-clock times there)");
        } else {
            try {
                zone = ZoneId.of(zoneText.strip());
            } catch (DateTimeException e) {
                w.problem("zone", "'" + zoneText + "' is not a time zone (use an IANA name such as Europe/Berlin or UTC)");
            }
        }
        LocalDateTime at = null;
        CronSchedule cron = null;
        if (w.has("at") == w.has("cron")) {
            w.problem(w.has("at") ? "cron" : "at", "give exactly one of at (one date-time) or cron (a recurrence)");
        } else if (w.has("at")) {
            at = dateTime(w, "at");
        } else {
            String syntax = w.choice("syntax", List.of("unix", "quartz"), "unix");
            String text = w.string("cron");
            if (text != null) {
                try {
                    cron = CronSchedule.parse(text, "quartz".equals(syntax) ? CronSchedule.Syntax.QUARTZ
                            : CronSchedule.Syntax.UNIX);
                } catch (IllegalArgumentException e) {
                    w.problem("cron", "not a " + syntax + " cron expression: " + e.getMessage());
                }
            }
        }
        Duration window = w.positiveDuration("window", null);
        Duration grace = w.duration("grace", Duration.ZERO);
        return new When(at, cron, zone, window == null ? Duration.ofHours(1) : window, grace == null ? Duration.ZERO : grace);
    }

    private LocalDateTime dateTime(Fields f, String key) {
        String text = f.string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            f.problem(key, "'" + text + "' is not a date-time such as 2026-03-29T02:30 (wall-clock time in when.zone; "
                    + "no offset)");
            return null;
        }
    }

    private LocalTime time(Fields f, String key) {
        String text = f.string(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            f.problem(key, "'" + text + "' is not a time of day such as 09:00");
            return null;
        }
    }

    private List<Blackout> blackouts(Fields f) {
        List<Blackout> out = new ArrayList<>();
        List<Node> items = f.list("blackouts");
        for (int i = 0; i < items.size(); i++) {
            Fields b = Fields.of(items.get(i), "blackouts[" + i + "]", List.of("reason", "from", "to", "days"), problems);
            String reason = b.requiredString("reason", "why the plan must stay out of this window");
            if (b.has("days")) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (Node.Scalar s : b.values("days")) {
                    days.addAll(days(s));
                }
                LocalTime from = time(b, "from");
                LocalTime to = time(b, "to");
                if (b.has("from") != b.has("to")) {
                    b.problem(b.has("from") ? "to" : "from", "give both from and to (times of day), or neither for whole days");
                } else if (from != null && from.equals(to)) {
                    b.problem("to", "must differ from from");
                }
                out.add(Blackout.recurring(reason, days, from, to));
            } else {
                LocalDateTime from = dateTime(b, "from");
                LocalDateTime to = dateTime(b, "to");
                if (!b.has("from") || !b.has("to")) {
                    b.missing(b.has("from") ? "to" : "from", "a date-time; or days: for a recurring blackout");
                } else if (from != null && to != null && !to.isAfter(from)) {
                    b.problem("to", "must be after from");
                }
                if (from != null && to != null) {
                    out.add(Blackout.fixed(reason, from, to));
                }
            }
        }
        return out;
    }

    private Set<DayOfWeek> days(Node.Scalar s) {
        String d = s.text() == null ? "" : s.text().strip().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "weekdays" -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "weekends" -> EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            default -> {
                for (DayOfWeek day : DayOfWeek.values()) {
                    String name = day.name().toLowerCase(Locale.ROOT);
                    if (name.equals(d) || name.substring(0, 3).equals(d)) {
                        yield EnumSet.of(day);
                    }
                }
                problems.add(s, "'" + s.text() + "' is not a day (monday … sunday, mon … sun, weekdays, weekends)"
                        + Suggestions.didYouMean(d, DAYS));
                yield EnumSet.noneOf(DayOfWeek.class);
            }
        };
    }

    private Map<String, String> vars(Map<String, Node.Entry> entries, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node.Entry e : entries.values()) {
            if (e.value() instanceof Node.Scalar s && !s.isNull()) {
                out.put(e.key(), s.text());
            } else {
                problems.add(e.value(), path + "." + e.key() + ": expected a single value, found " + e.value().kind());
            }
        }
        return out;
    }

    private List<Stage> stages(Fields f, Map<String, String> planVars) {
        List<Stage> out = new ArrayList<>();
        List<Node> items = f.list("experiments");
        if (!f.has("experiments")) {
            f.missing("experiments", "the experiments to run, in order");
        } else if (items.isEmpty()) {
            f.problem("experiments", "must list at least one experiment");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "experiments[" + i + "]";
            if (items.get(i) instanceof Node.MapNode m && m.entries().containsKey("parallel")
                    && m.entries().get("parallel").value() instanceof Node.ListNode) {
                Fields g = Fields.of(m, path, List.of("parallel"), problems);
                List<Node> group = g.list("parallel");
                List<PlannedExperiment> entries = new ArrayList<>();
                for (int j = 0; j < group.size(); j++) {
                    Fields e = Fields.of(group.get(j), path + ".parallel[" + j + "]", List.of("experiment", "id", "vars"),
                            problems);
                    entries.addAll(entries(e, planVars));
                }
                if (group.size() < 2) {
                    g.problem("parallel", "a parallel group lists at least two experiments");
                }
                out.add(new Stage(entries, true));
            } else {
                Fields e = Fields.of(items.get(i), path, ENTRY, problems);
                Boolean parallel = bool(e, "parallel");
                if (parallel != null && !e.has("matrix")) {
                    e.problem("parallel", "parallel: true|false belongs with a matrix; for a group write parallel: [list]");
                }
                out.add(new Stage(entries(e, planVars), Boolean.TRUE.equals(parallel)));
            }
        }
        return out;
    }

    private Boolean bool(Fields f, String key) {
        String s = f.string(key);
        if (s == null) {
            return null;
        }
        if (!s.equals("true") && !s.equals("false")) {
            f.problem(key, "expected true or false, found '" + s + "'");
            return null;
        }
        return Boolean.parseBoolean(s);
    }

    private List<PlannedExperiment> entries(Fields e, Map<String, String> planVars) {
        String name = e.requiredString("experiment", "the experiment file, relative to the plan");
        if (name == null) {
            return List.of();
        }
        Path experiment = base.resolve(name.strip()).normalize();
        if (!Files.isRegularFile(experiment)) {
            e.problem("experiment", "no such file: " + experiment);
            missing.add(experiment);
        }
        Map<String, String> vars = new LinkedHashMap<>(planVars);
        vars.putAll(vars(e.entries("vars"), e.path("vars")));
        String id = e.string("id");
        if (id == null) {
            id = experiment.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            e.problem("id", "'" + id + "' must be letters, digits, '.', '_' or '-' (it names the run's folder)");
        }
        if (!e.has("matrix")) {
            claim(e, "experiment", id);
            return List.of(new PlannedExperiment(id, experiment, vars));
        }
        List<PlannedExperiment> out = new ArrayList<>();
        List<Node> rows = e.list("matrix");
        if (rows.isEmpty()) {
            e.problem("matrix", "must list at least one vars set");
        }
        for (int r = 0; r < rows.size(); r++) {
            String path = e.path("matrix") + "[" + r + "]";
            Map<String, String> row = new LinkedHashMap<>(vars);
            if (rows.get(r) instanceof Node.MapNode m) {
                row.putAll(vars(m.entries(), path));
            } else {
                problems.add(rows.get(r), path + ": expected a mapping of vars, found " + rows.get(r).kind());
            }
            String rowId = id + "-" + (r + 1);
            claim(e, "matrix", rowId);
            out.add(new PlannedExperiment(rowId, experiment, row));
        }
        return out;
    }

    private void claim(Fields e, String key, String id) {
        where.putIfAbsent(id, e.node(key) == null ? e.at() : e.node(key));
        if (!ids.add(id)) {
            e.problem(key, "id '" + id + "' is used twice in this plan: give the entry its own id: (it names the run's folder)");
        }
    }

    private List<Notification> notifications(Fields f) {
        List<Notification> out = new ArrayList<>();
        List<Node> items = f.list("notifications");
        List<String> eventKeys = java.util.Arrays.stream(Notification.Event.values()).map(Notification.Event::key).toList();
        for (int i = 0; i < items.size(); i++) {
            Fields n = Fields.of(items.get(i), "notifications[" + i + "]", List.of("url", "format", "events", "before"),
                    problems);
            String raw = n.requiredString("url", "the webhook URL; write it as ${secret:NAME}, it is a secret");
            String url = raw == null ? null : secrets.substitute(raw, n.node("url"));
            URI uri = null;
            if (url != null && !secrets.placeholder(url)) {
                try {
                    uri = URI.create(url.strip());
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        n.problem("url", "must be an http or https URL with a host");
                        uri = null;
                    }
                } catch (IllegalArgumentException bad) {
                    n.problem("url", "not a URL");
                }
                if (!secrets.isSecret(raw)) {
                    n.problem("url", "a webhook URL carries its credentials: write it as ${secret:NAME} so it is redacted "
                            + "everywhere");
                }
            }
            String format = n.choice("format", List.of("json", "slack"), "json");
            Set<Notification.Event> events = EnumSet.noneOf(Notification.Event.class);
            for (Node.Scalar s : n.values("events")) {
                Notification.Event event = null;
                for (Notification.Event ev : Notification.Event.values()) {
                    if (ev.key().equals(s.text())) {
                        event = ev;
                    }
                }
                if (event == null) {
                    problems.add(s, n.path("events") + ": '" + s.text() + "' is not one of " + String.join(", ", eventKeys)
                            + Suggestions.didYouMean(String.valueOf(s.text()), eventKeys));
                } else {
                    events.add(event);
                }
            }
            if (!n.has("events")) {
                events = EnumSet.allOf(Notification.Event.class);
            }
            Duration before = n.duration("before", Duration.ofMinutes(15));
            if (uri != null && !secrets.placeholder(url)) {
                out.add(new Notification(uri, "slack".equals(format) ? Notification.Format.SLACK : Notification.Format.JSON,
                        events, before == null ? Duration.ofMinutes(15) : before));
            }
        }
        return out;
    }
}
