package dev.gameday.report.premortem;

import static dev.gameday.report.doc.Inline.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.premortem.PreflightCheck;
import dev.gameday.report.premortem.PremortemInput;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.text.Units;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.FaultText;
import dev.gameday.report.experiment.PlannedStep;
import dev.gameday.judge.Metric;
import dev.gameday.judge.ProbeRule;
import dev.gameday.report.svg.GanttChart;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pre-mortem: the document the team reviews before anything is injected. */
public final class PremortemReport {
    private final PremortemInput input;
    private final ExperimentView experiment;
    private final List<PlannedStep> plan;
    private final Map<String, JsonNode> faults;
    private final long methodMs;

    private PremortemReport(PremortemInput input) {
        this.input = input;
        this.experiment = new ExperimentView(input.experiment());
        this.plan = experiment.schedule();
        this.faults = experiment.faults();
        this.methodMs = plan.stream().mapToLong(PlannedStep::endMs).max().orElse(0);
    }

    public static Document build(PremortemInput input) {
        return new PremortemReport(input).document();
    }

    private long recoveryMs() {
        return experiment.recoveryWithinMs() == null ? 0 : experiment.recoveryWithinMs();
    }

    /** The longest the run can take: before + method + the whole recovery bound + after. */
    private long totalMs() {
        return experiment.beforeMs() + methodMs + recoveryMs() + experiment.afterMs();
    }

    private Document document() {
        LocalDate date = input.date().atZone(ZoneOffset.UTC).toLocalDate();
        Document doc = new Document("Pre-mortem: " + experiment.title(), "Review before the game day · " + date);
        banner(doc);
        hypothesisCard(doc, date);
        timeline(doc);
        blastRadius(doc);
        risks(doc);
        abortAndRollback(doc);
        checklist(doc);
        return doc;
    }

    private void banner(Document doc) {
        if (input.preflight() == null) {
            doc.add(new Block.Banner(Tone.NEUTRAL, "Pre-mortem", List.of(text("Imagine this game day went badly and "
                    + "list why. Nothing has been injected yet. Run "), new Inline.Code("gameday premortem FILE --check"),
                    text(" right before starting for live pre-flight results."))));
        } else if (input.cleared()) {
            doc.add(new Block.Banner(Tone.OK, "Go", List.of(text("All " + input.preflight().size()
                    + " pre-flight checks passed just now. Confirm the checklist below, then start."))));
        } else {
            long red = input.preflight().stream().filter(c -> !c.ok()).count();
            doc.add(new Block.Banner(Tone.BAD, "Do not start", List.of(text(red + " of " + input.preflight().size()
                    + " pre-flight checks failed. Fix them and check again before injecting anything."))));
        }
    }

    private void hypothesisCard(Document doc, LocalDate date) {
        doc.heading(1, "Hypothesis card");
        doc.add(new Block.Note(Tone.NEUTRAL, List.of(new Inline.Strong(hypothesisSentence()))));
        if (experiment.hypothesis() != null) {
            doc.add(new Block.Paragraph(List.of(new Inline.Strong("In the author's words: "), text(experiment.hypothesis()))));
        }
        JsonNode premortem = experiment.premortem();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("Owner", Inline.plain(orDash(experiment.owner()) + (experiment.team() == null ? ""
                : " (team " + experiment.team() + ")"))));
        facts.add(new Block.Fact("Date", Inline.plain(date.toString())));
        facts.add(new Block.Fact("Experiment", List.of(new Inline.Code(input.experimentFile()), text(" version "),
                new Inline.Code(Units.shortHash(input.experimentSha256())))));
        String runbook = ExperimentView.text(premortem, "runbook", null);
        facts.add(new Block.Fact("Runbook", runbook == null ? Inline.plain("none linked — add one")
                : List.of(new Inline.Link(runbook, runbook))));
        List<Inline> dashboards = new ArrayList<>();
        for (JsonNode d : ExperimentView.list(premortem.path("dashboards"))) {
            if (!dashboards.isEmpty()) {
                dashboards.add(text(", "));
            }
            dashboards.add(new Inline.Link(d.asText(), d.asText()));
        }
        facts.add(new Block.Fact("Dashboards", dashboards.isEmpty() ? Inline.plain("none linked — add them") : dashboards));
        doc.add(new Block.Facts(facts));
        doc.heading(2, "Who does what");
        List<List<List<Inline>>> rows = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode p : ExperimentView.list(premortem.path("participants"))) {
            String role = p.path("role").asText("");
            roles.add(role);
            rows.add(List.of(Inline.plain(p.path("name").asText()), Inline.plain(roleName(role)),
                    Inline.plain(roleDuty(role))));
        }
        doc.add(new Block.Table(List.of("Name", "Role", "Does"), rows));
        for (String needed : List.of("incident-commander", "scribe", "communications")) {
            if (!roles.contains(needed)) {
                doc.note(Tone.WARN, "Nobody is named as " + roleName(needed).toLowerCase() + ": " + roleDuty(needed)
                        + ". Decide who before starting.");
            }
        }
    }

    /** "We believe that when <fault> hits <dependency>, <steady state> holds, because <reason>." */
    String hypothesisSentence() {
        Map<String, String> upstreams = experiment.upstreams();
        Set<String> what = new LinkedHashSet<>();
        Set<String> where = new LinkedHashSet<>();
        for (PlannedStep step : plan) {
            if (step.isFault()) {
                what.add(FaultText.describe(faults.get(step.step())));
                String upstream = upstreams.get(step.proxy());
                where.add(step.proxy() + (upstream == null ? "" : " (" + upstream + ")"));
            }
        }
        List<String> states = new ArrayList<>();
        for (JsonNode probe : experiment.probes()) {
            ProbeRule rule = experiment.rules().probe(probe.path("name").asText());
            List<String> bounds = rule == null ? List.of() : rule.bounds().stream()
                    .map(b -> b.metric().label() + " " + b.expected()).toList();
            states.add(probe.path("name").asText() + " " + String.join(" and ", bounds));
        }
        String reason = reason();
        return "We believe that when " + (what.isEmpty() ? "no fault" : String.join(" and ", what)) + " hits "
                + (where.isEmpty() ? "nothing" : String.join(" and ", where)) + ", "
                + (states.isEmpty() ? "the steady state" : String.join("; ", states)) + " holds"
                + (reason == null ? "." : ", because " + reason + (reason.endsWith(".") ? "" : "."));
    }

    private String reason() {
        String hypothesis = experiment.hypothesis();
        if (hypothesis == null) {
            return null;
        }
        int because = hypothesis.toLowerCase().indexOf("because ");
        return because >= 0 ? hypothesis.substring(because + "because ".length()).strip() : null;
    }

    private void timeline(Document doc) {
        doc.heading(1, "Planned timeline");
        long before = experiment.beforeMs();
        GanttChart chart = new GanttChart("Planned timeline, " + Units.duration(totalMs()) + " at most");
        List<List<List<Inline>>> rows = new ArrayList<>();
        chart.row(new GanttChart.Row("before (steady state)", 0, 0, before, GanttChart.Kind.PHASE, null, false));
        rows.add(timelineRow("before", 0, before, "probes sample the steady state; it must hold before any fault"));
        for (PlannedStep step : plan) {
            JsonNode fault = faults.get(step.step());
            String what = switch (step.kind()) {
                case "fault" -> step.proxy() + ": " + FaultText.describe(fault);
                case "pause" -> "pause";
                default -> "parallel block: children start together, it ends with the longest";
            };
            GanttChart.Kind kind = switch (step.kind()) {
                case "fault" -> GanttChart.Kind.FAULT;
                case "pause" -> GanttChart.Kind.PAUSE;
                default -> GanttChart.Kind.PARALLEL;
            };
            chart.row(new GanttChart.Row(step.step(), step.depth(), before + step.startMs(), step.durationMs(), kind,
                    step.isFault() ? step.proxy() + " " + step.toxic() : null, fault != null && fault.path("ramp").isObject()));
            rows.add(timelineRow((step.depth() > 0 ? "↳ " : "") + step.step(), before + step.startMs(), step.durationMs(), what));
        }
        chart.row(new GanttChart.Row("recovery (at most)", 0, before + methodMs, recoveryMs(), GanttChart.Kind.PHASE, null,
                false));
        rows.add(timelineRow("recovery", before + methodMs, recoveryMs(), experiment.recoveryWithinMs() == null
                ? "no recovery bound set" : "the steady state must hold again within " + Units.duration(recoveryMs())));
        chart.row(new GanttChart.Row("after (steady state)", 0, before + methodMs + recoveryMs(), experiment.afterMs(),
                GanttChart.Kind.PHASE, null, false));
        rows.add(timelineRow("after", before + methodMs + recoveryMs(), experiment.afterMs(),
                "probes confirm the steady state once recovered"));
        doc.add(new Block.Figure(chart.render(), "Phases and method steps on one time axis (recovery drawn at its bound)",
                plan.size() + " steps, " + Units.duration(totalMs()) + " at most"));
        doc.add(new Block.Table(List.of("Phase / step", "Starts", "Lasts", "What happens"), rows));
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Total duration: "), text(Units.duration(totalMs())
                + " at most (method " + Units.duration(methodMs) + "; recovery counted at its full bound)."))));
    }

    private static List<List<Inline>> timelineRow(String name, long start, long duration, String what) {
        return List.of(Inline.plain(name), Inline.plain(Units.offset(start)), Inline.plain(Units.duration(duration)),
                Inline.plain(what));
    }

    private void blastRadius(Document doc) {
        doc.heading(1, "Blast radius");
        Map<String, String> upstreams = experiment.upstreams();
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (PlannedStep step : plan) {
            if (!step.isFault()) {
                continue;
            }
            JsonNode fault = faults.get(step.step());
            rows.add(List.of(Inline.plain(step.step()), Inline.plain(step.proxy()),
                    Inline.plain(orDash(upstreams.get(step.proxy()))), Inline.plain(FaultText.describe(fault)),
                    Inline.plain(fault.path("stream").asText("downstream")),
                    Inline.plain(Units.percent(fault.path("toxicity").asDouble(1.0))),
                    Inline.plain(Units.duration(step.durationMs()))));
        }
        doc.add(new Block.Table(List.of("Step", "Proxy", "Dependency (upstream)", "Fault", "Stream", "Toxicity",
                "Duration"), rows));
        doc.paragraph("Only traffic through these proxies is affected; callers that reach the dependencies directly are "
                + "not. Every toxic is removed at the end of the run, on abort, on Ctrl-C, and by the next start after "
                + "a crash.");
        ErrorBudget budget = ErrorBudget.of(experiment);
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Worst case error budget: "), text(budget == null
                ? "the experiment sets no slo, so the run cannot be priced in error budget. Add slo: {objective, window}."
                : "if the steady state failed for the whole run (" + Units.duration(totalMs()) + "), it would use "
                        + budget.describeCost(totalMs()) + " (" + budget.describeSlo() + ")."))));
    }

    private void risks(Document doc) {
        doc.heading(1, "What could go wrong");
        List<List<List<Inline>>> authored = new ArrayList<>();
        for (JsonNode r : ExperimentView.list(experiment.premortem().path("risks"))) {
            authored.add(List.of(Inline.plain(r.path("risk").asText()), Inline.plain(r.path("watch").asText("–"))));
        }
        doc.heading(2, "The team's risks");
        if (authored.isEmpty()) {
            doc.note(Tone.WARN, "The experiment lists no risks of its own. Imagine the game day went badly: why?");
        } else {
            doc.add(new Block.Table(List.of("Risk", "What to watch"), authored));
        }
        // The risks each kind of fault brings: the runner copies them from the fault kinds into the copy.
        Map<String, JsonNode> byToxic = new LinkedHashMap<>();
        for (PlannedStep s : plan) {
            JsonNode fault = s.isFault() ? faults.get(s.step()) : null;
            if (fault != null) {
                byToxic.putIfAbsent(s.toxic(), fault.path("risks"));
            }
        }
        byToxic.forEach((toxic, derived) -> {
            if (!derived.isArray() || derived.isEmpty()) {
                return;
            }
            doc.heading(2, "Derived from " + ("down".equals(toxic) ? "the outage (down)" : toxic) + " faults");
            List<List<List<Inline>>> rows = new ArrayList<>();
            derived.forEach(r -> rows.add(List.of(Inline.plain(r.path("risk").asText()),
                    Inline.plain(r.path("watch").asText("–")))));
            doc.add(new Block.Table(List.of("Risk", "What to watch"), rows));
        });
    }

    private void abortAndRollback(Document doc) {
        doc.heading(1, "Abort conditions and rollback plan");
        List<String> aborts = new ArrayList<>();
        for (JsonNode a : experiment.abortConditions()) {
            aborts.add(abortInWords(a));
        }
        String commander = ExperimentView.list(experiment.premortem().path("participants")).stream()
                .filter(p -> p.path("role").asText().equals("incident-commander")).map(p -> p.path("name").asText())
                .findFirst().orElse("The incident commander");
        aborts.add(commander + " can stop the experiment at any moment with Ctrl-C; Gameday then removes every fault.");
        doc.heading(2, "We stop when");
        doc.bullets(aborts);
        doc.heading(2, "Rollback plan");
        List<String> rollback = new ArrayList<>();
        rollback.add("Gameday removes every toxic it added and re-enables disabled proxies at the end of the run, on "
                + "an abort, on Ctrl-C or SIGTERM; after a crash, gameday recover (or the next run) removes what is left.");
        Long within = experiment.recoveryWithinMs();
        rollback.add(within == null ? "No recovery bound is set: recovery is observed, not judged."
                : "After the faults are removed, the steady state must hold again within " + Units.duration(within) + ".");
        for (JsonNode r : experiment.rollbacks()) {
            rollback.add("Then: " + r.path("name").asText() + " — " + actionText(r.path("action")));
        }
        rollback.add("If the steady state does not come back: follow the runbook"
                + (ExperimentView.text(experiment.premortem(), "runbook", null) == null ? "" : " ("
                        + experiment.premortem().path("runbook").asText() + ")") + " and treat it as an incident.");
        doc.bullets(rollback);
    }

    static String abortInWords(JsonNode a) {
        String metric = a.path("metric").asText();
        boolean ratio = metric.equals(Metric.SUCCESS_RATIO.name());
        double threshold = a.path("threshold").asDouble();
        String op = switch (a.path("op").asText()) {
            case "<" -> "below";
            case "<=" -> "at or below";
            case ">" -> "above";
            default -> "at or above";
        };
        return "Stop when " + a.path("probe").asText() + " " + (ratio ? "success ratio" : metric) + " stays " + op + " "
                + (ratio ? Units.percent(threshold) : Units.latency(threshold)) + " for "
                + Units.duration(a.path("sustained").asLong()) + " (" + a.path("name").asText() + ").";
    }

    private static String actionText(JsonNode action) {
        if (action.path("url").isTextual()) {
            return action.path("method").asText("GET") + " " + action.path("url").asText();
        }
        List<String> argv = new ArrayList<>();
        action.path("run").forEach(a -> argv.add(a.asText()));
        return argv.isEmpty() ? action.path("type").asText("action") : "run " + String.join(" ", argv);
    }

    private void checklist(Document doc) {
        doc.heading(1, "Pre-flight");
        if (input.preflight() != null) {
            doc.heading(2, "Live checks");
            List<List<List<Inline>>> rows = new ArrayList<>();
            for (PreflightCheck c : input.preflight()) {
                rows.add(List.of(List.of(new Inline.Badge(c.ok() ? "OK" : "FAIL", c.ok() ? Tone.OK : Tone.BAD)),
                        Inline.plain(c.name()), Inline.plain(c.detail())));
            }
            doc.add(new Block.Table(List.of("Result", "Check", "Detail"), rows));
        }
        doc.heading(2, "Checklist");
        List<List<Inline>> items = new ArrayList<>();
        List<Inline> dashboards = new ArrayList<>(List.of(text("Dashboards open")));
        ExperimentView.list(experiment.premortem().path("dashboards")).forEach(d -> {
            dashboards.add(text(" · "));
            dashboards.add(new Inline.Link(d.asText(), d.asText()));
        });
        items.add(dashboards);
        items.add(Inline.plain("On-call for every affected service informed"));
        items.add(Inline.plain("Status page ready to update (communications)"));
        items.add(Inline.plain("Backups taken and restores verified"));
        items.add(Inline.plain("Everyone knows who can stop the experiment, and how"));
        ExperimentView.list(experiment.premortem().path("checklist")).forEach(c -> items.add(Inline.plain(c.asText())));
        doc.add(new Block.Checklist(items));
        doc.heading(1, "Open questions");
        List<String> questions = new ArrayList<>();
        ExperimentView.list(experiment.premortem().path("questions")).forEach(q -> questions.add(q.asText()));
        if (questions.isEmpty()) {
            questions.add("(none yet: what would surprise us?)");
        }
        doc.bullets(questions);
    }

    private static String roleName(String role) {
        return switch (role) {
            case "incident-commander" -> "Incident commander";
            case "scribe" -> "Scribe";
            case "communications" -> "Communications";
            case "responder" -> "Response team";
            case "observer" -> "Observer";
            default -> role;
        };
    }

    private static String roleDuty(String role) {
        return switch (role) {
            case "incident-commander" -> "decides, and can stop the experiment";
            case "scribe" -> "records every state and action with times";
            case "communications" -> "tells support and customers, keeps the status page current";
            case "responder" -> "operates the system";
            case "observer" -> "watches and learns";
            default -> "";
        };
    }

    private static String orDash(String text) {
        return text == null ? "–" : text;
    }
}
