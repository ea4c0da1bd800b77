package dev.gameday.report.run;

import static dev.gameday.report.doc.Inline.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.judge.Units;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.run.RunAnalysis.Abort;
import dev.gameday.report.run.ToleranceResult.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The game-day report: what was expected, what was observed, what to do about it. */
final class RunReport {
    private final RunAnalysis run;
    private final ExperimentView experiment;

    private RunReport(RunAnalysis run) {
        this.run = run;
        this.experiment = run.experiment();
    }

    static Document build(RunAnalysis run) {
        return new RunReport(run).document();
    }

    private Document document() {
        Document doc = new Document("Game day: " + experiment.title(), "Report of run " + run.runStarted().path("runId")
                .asText("(unknown run)") + ", " + Instant.ofEpochMilli(run.startT()) + " (UTC)");
        doc.add(new Block.Banner(TimelineText.tone(run.verdict()), verdictTitle(), List.of(text(verdictSentence()))));
        if (!run.missing().isEmpty()) {
            doc.add(new Block.Note(Tone.WARN, List.of(new Inline.Strong("Partial journal. "),
                    text("This report shows what the journal holds; what is missing: " + String.join("; ",
                            run.missing()) + "."))));
        } else if (!RunAnalysis.phasesNotReached(run.phases()).isEmpty()) {
            doc.note(Tone.NEUTRAL, "The run ended before these phases: "
                    + String.join(", ", RunAnalysis.phasesNotReached(run.phases())) + "; their checks show NO DATA.");
        }
        summary(doc);
        expectedVsObserved(doc);
        detection(doc);
        charts(doc);
        timeline(doc);
        followUp(doc);
        notes(doc);
        return doc;
    }

    private String verdictTitle() {
        return switch (run.verdict()) {
            case "held" -> "Hypothesis held";
            case "refuted" -> "Hypothesis refuted";
            case "aborted" -> "Run aborted";
            case "interrupted" -> "Run interrupted";
            case "error" -> "Run failed with an error";
            default -> "Inconclusive";
        };
    }

    /** One sentence with the evidence: the runner's own summary when it wrote one. */
    String verdictSentence() {
        List<ToleranceResult> failed = run.results().stream().filter(r -> r.status() == Status.FAIL).toList();
        long judged = run.results().stream().filter(r -> r.status() == Status.PASS || r.status() == Status.FAIL).count();
        String evidence = failed.isEmpty()
                ? judged + " of " + judged + " tolerance checks passed"
                : failed.size() + " of " + judged + " tolerance checks failed; first: " + describe(failed.get(0));
        if (run.verdictSummary() != null) {
            String summary = run.verdictSummary().strip();
            return summary + (summary.matches(".*[.!?]$") ? "" : ".") + " Evidence: " + evidence + ".";
        }
        return switch (run.verdict()) {
            case "held" -> "The steady state held: " + evidence + ".";
            case "refuted" -> "The steady state did not hold: " + evidence + ".";
            case "aborted" -> "The run was stopped by an abort condition"
                    + (run.aborts().isEmpty() ? "" : " (" + run.aborts().get(0).condition() + ": "
                            + run.aborts().get(0).message() + ")") + "; " + evidence + ".";
            case "interrupted" -> "The run did not finish (last phase reached: " + lastPhase() + "); "
                    + evidence + " before it stopped.";
            default -> "No tolerance could be judged: " + evidence + ".";
        };
    }

    private static String describe(ToleranceResult r) {
        return r.spec().probe() + " " + r.spec().label() + " " + r.spec().format(r.observed()) + " "
                + r.segment().label() + ", expected " + r.spec().expected();
    }

    private String lastPhase() {
        return run.phases().isEmpty() ? "none" : run.phases().get(run.phases().size() - 1).phase();
    }

    private void summary(Document doc) {
        doc.heading(1, "Summary");
        JsonNode started = run.runStarted();
        JsonNode versions = started.path("versions");
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(fact("Verdict", List.of(new Inline.Badge(run.verdict().toUpperCase(Locale.ROOT),
                TimelineText.tone(run.verdict())))));
        facts.add(fact("Experiment", Inline.plain(experiment.title())));
        facts.add(fact("File", List.of(new Inline.Code(started.path("experimentFile").asText("?")), text(" version "),
                new Inline.Code(Units.shortHash(started.path("experimentSha256").asText("?"))))));
        facts.add(fact("Ran by", Inline.plain(started.path("user").asText("?") + " on " + started.path("host").asText("?"))));
        facts.add(fact("Started", Inline.plain(Instant.ofEpochMilli(run.startT()) + " (UTC)")));
        facts.add(fact("Duration", Inline.plain(Units.duration(run.durationMs()))));
        if (experiment.owner() != null) {
            facts.add(fact("Owner", Inline.plain(experiment.owner() + (experiment.team() == null ? ""
                    : " (team " + experiment.team() + ")"))));
        }
        facts.add(fact("Fault injection", Inline.plain("Toxiproxy " + started.path("toxiproxy").path("mode").asText("?")
                + (started.path("toxiproxy").path("url").isTextual() ? " at " + started.path("toxiproxy").path("url").asText() : "")
                + (started.path("dryRun").asBoolean() ? " — dry run, nothing injected" : ""))));
        if (!versions.isMissingNode()) {
            facts.add(fact("Versions", Inline.plain("Gameday " + versions.path("gameday").asText("?") + ", Java "
                    + versions.path("java").asText("?") + ", Vert.x " + versions.path("vertx").asText("?") + ", "
                    + versions.path("os").asText("?"))));
        }
        facts.add(fact("Samples", Inline.plain(run.samples() + " probe samples, " + run.failedSamples() + " failed")));
        doc.add(new Block.Facts(facts));
        if (experiment.hypothesis() != null) {
            doc.add(new Block.Paragraph(List.of(new Inline.Strong("Hypothesis: "), text(experiment.hypothesis()))));
        }
    }

    private static Block.Fact fact(String label, List<Inline> value) {
        return new Block.Fact(label, value);
    }


    private void expectedVsObserved(Document doc) {
        doc.heading(1, "Expected vs observed");
        if (run.results().isEmpty()) {
            doc.note(Tone.WARN, "No tolerance could be judged: the journal has no experiment copy or no phase events.");
            return;
        }
        doc.paragraph("Each tolerance of the steady state, judged over every phase and every fault step from the "
                + "probe samples in the journal. A check also fails when the runner saw the tolerance stop holding "
                + "over its sliding window inside that phase. Recovery is shown for information; it is judged by the "
                + "time to recover below.");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (ToleranceResult r : run.results()) {
            rows.add(List.of(Inline.plain(r.spec().probe()), Inline.plain(r.spec().label()),
                    List.of(new Inline.Code(r.spec().expected())), Inline.plain(r.segment().label()),
                    Inline.plain(r.status() == Status.NO_DATA ? "–" : r.spec().format(r.observed())),
                    Inline.plain(Long.toString(r.samples())), List.of(badge(r.status())), Inline.plain(r.evidence())));
        }
        doc.add(new Block.Table(List.of("Probe", "Tolerance", "Target", "Phase", "Observed", "Samples", "Result",
                "Evidence"), rows));
        if (!run.probes().isEmpty()) {
            doc.heading(2, "Probes over the whole run");
            List<List<List<Inline>>> probeRows = new ArrayList<>();
            run.probes().forEach((name, data) -> probeRows.add(List.of(Inline.plain(name),
                    Inline.plain(Long.toString(data.overall().count())), Inline.plain(Long.toString(data.overall().failures())),
                    Inline.plain(Units.percent(data.overall().successRatio())),
                    Inline.plain(Units.latency(data.overall().percentileMs(50))),
                    Inline.plain(Units.latency(data.overall().percentileMs(95))),
                    Inline.plain(Units.latency(data.overall().percentileMs(99))),
                    Inline.plain(Units.latency(data.overall().percentileMs(100))))));
            doc.add(new Block.Table(List.of("Probe", "Samples", "Failed", "Success", "p50", "p95", "p99", "Max"), probeRows));
        }
    }

    static Inline badge(Status status) {
        return switch (status) {
            case PASS -> new Inline.Badge("PASS", Tone.OK);
            case FAIL -> new Inline.Badge("FAIL", Tone.BAD);
            case NO_DATA -> new Inline.Badge("NO DATA", Tone.WARN);
            case NOT_CHECKED -> new Inline.Badge("INFO", Tone.NEUTRAL);
        };
    }

    private void detection(Document doc) {
        doc.heading(1, "Detection, recovery and error budget");
        if (run.faults().isEmpty()) {
            doc.paragraph("No fault step started in this run.");
        } else {
            List<List<List<Inline>>> rows = new ArrayList<>();
            for (FaultWindow f : run.faults()) {
                rows.add(List.of(Inline.plain(f.step()), Inline.plain(f.proxy()), Inline.plain(f.description()),
                        Inline.plain(Units.offset(f.injectedT() - run.startT())),
                        Inline.plain(f.removedT() == null ? "never seen" : Units.offset(f.removedT() - run.startT())),
                        Inline.plain(f.ttdMs() == null ? "not detected" : Units.duration(f.ttdMs())),
                        Inline.plain(f.detectedBy() == null ? "–" : f.detectedBy())));
            }
            doc.add(new Block.Table(List.of("Fault step", "Proxy", "Fault", "Injected", "Removed", "Time to detect",
                    "First tolerance to break"), rows));
        }
        Long ttr = run.timeToRecoverMs();
        Long within = experiment.recoveryWithinMs();
        String recovered = !run.reachedRecovery() && !run.faults().isEmpty()
                ? "The run ended before the recovery phase, so the time to recover is unknown"
                : ttr == null
                ? (run.faults().isEmpty() ? "No fault was removed, so there is no time to recover."
                        : "The steady state did not recover after the faults were removed")
                : ttr == 0 ? "The steady state never broke, so there was nothing to recover from"
                : "The steady state recovered " + Units.duration(ttr) + " after the last fault was removed";
        if (run.reachedRecovery() && (ttr != null || !run.faults().isEmpty())) {
            recovered += within == null ? "." : " (bound: " + Units.duration(within) + ", "
                    + (ttr != null && ttr <= within ? "met" : "missed") + ").";
        }
        if (!recovered.endsWith(".")) {
            recovered += ".";
        }
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Time to recover: "), text(recovered))));
        ErrorBudget budget = ErrorBudget.of(experiment);
        double failedRatio = run.samples() == 0 ? 0 : run.failedSamples() / (double) run.samples();
        double costMs = failedRatio * run.durationMs();
        String cost = budget == null
                ? Units.budgetTime(costMs) + " of unavailability (" + Units.percent(failedRatio) + " of samples failed over "
                        + Units.duration(run.durationMs()) + "); the experiment sets no slo to price it against."
                : "this run used " + budget.describeCost(costMs) + " (" + Units.percent(failedRatio)
                        + " of samples failed over " + Units.duration(run.durationMs()) + "; "
                        + budget.describeSlo() + ").";
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Error budget: "), text(cost))));
    }

    private void charts(Document doc) {
        if (run.probes().isEmpty()) {
            return;
        }
        doc.heading(1, "Charts");
        doc.paragraph("Per probe: latency percentiles and success ratio over time. Shaded: fault windows; dashed red: "
                + "tolerances; dotted grey: phase changes; thick red: aborts.");
        run.probes().forEach((name, data) -> doc.add(new Block.Figure(ProbeChart.render(run, name, data),
                "Probe " + name + ": latency p50/p95/p99 and success ratio per "
                        + Units.duration(data.buckets().widthMs()) + " bucket",
                "success " + Units.percent(data.overall().successRatio()) + ", p95 "
                        + Units.latency(data.overall().percentileMs(95)))));
    }

    private void timeline(Document doc) {
        doc.heading(1, "Timeline");
        doc.paragraph("Every event of the journal except probe samples, relative to the start of the run.");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (TimelineEntry e : run.timeline()) {
            rows.add(List.of(Inline.plain(Units.offset(e.t() - run.startT())), List.of(new Inline.Badge(e.type(), e.tone())),
                    Inline.plain(e.text())));
        }
        doc.add(new Block.Table(List.of("Time", "Event", "What happened"), rows));
        if (run.timelineOmitted() > 0) {
            doc.note(Tone.WARN, run.timelineOmitted() + " further events are not listed (the table stops at "
                    + run.timeline().size() + " rows); the journal has them all.");
        }
    }

    private void followUp(Document doc) {
        doc.heading(1, "Follow-up (blameless)");
        doc.paragraph("For the team to complete together. Describe what the system and the situation did, not who "
                + "erred; ask what led people to their decisions.");
        doc.heading(2, "Summary");
        doc.paragraph(verdictSentence() + " Fill in: why we ran it, and the one thing everyone should remember.");
        doc.heading(2, "Who and what was affected?");
        List<String> affected = new ArrayList<>();
        run.probes().forEach((name, data) -> affected.add(name + ": " + data.overall().failures() + " of "
                + data.overall().count() + " samples failed (" + Units.percent(1 - data.overall().successRatio())
                + "), p99 " + Units.latency(data.overall().percentileMs(99))));
        run.faults().stream().map(f -> "dependency behind proxy " + f.proxy() + ": " + f.description())
                .distinct().forEach(affected::add);
        affected.add("Users, customers, other teams: (fill in)");
        doc.bullets(affected);
        doc.heading(2, "What happened?");
        doc.paragraph("See the timeline above. Key moments: " + keyMoments());
        doc.heading(2, "What did we learn?");
        List<String> findings = findings();
        if (findings.isEmpty()) {
            findings.add("No candidate finding from the journal: every tolerance held and nothing failed.");
        }
        findings.add("(fill in)");
        doc.bullets(findings);
        doc.heading(2, "Action items");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (String finding : findings()) {
            rows.add(List.of(Inline.plain("Investigate: " + finding), Inline.plain(""), Inline.plain(""), Inline.plain("")));
        }
        for (int i = 0; i < 3; i++) {
            rows.add(List.of(Inline.plain(""), Inline.plain(""), Inline.plain(""), Inline.plain("")));
        }
        doc.add(new Block.Table(List.of("Action", "Owner", "Due", "Ticket"), rows));
    }

    private String keyMoments() {
        List<String> moments = new ArrayList<>();
        for (FaultWindow f : run.faults()) {
            moments.add(f.step() + " injected at " + Units.offset(f.injectedT() - run.startT())
                    + (f.removedT() == null ? "" : ", removed at " + Units.offset(f.removedT() - run.startT())));
        }
        for (Abort a : run.aborts()) {
            moments.add("abort " + a.condition() + " at " + Units.offset(a.t() - run.startT()));
        }
        moments.add("verdict " + run.verdict());
        return String.join("; ", moments) + ".";
    }

    /** Candidate findings the journal supports, phrased for the team to confirm or strike out. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        for (ToleranceResult r : run.results()) {
            if (r.status() != Status.FAIL) {
                continue;
            }
            String where = r.segment().phase().equals("during") ? "the " + r.segment().key().substring("step:".length()) + " step"
                    : "the " + r.segment().label() + " phase";
            if (r.firstBreach() != null) {
                findings.add(r.spec().probe() + " " + r.spec().label() + " exceeded tolerance (" + r.spec().expected()
                        + ") " + Units.duration(r.firstBreach().t() - r.segment().fromT()) + " into " + where
                        + " (observed " + r.firstBreach().observed() + ")");
            } else {
                findings.add(r.spec().probe() + " " + r.spec().label() + " was " + r.spec().format(r.observed())
                        + " over " + where + ", outside tolerance (" + r.spec().expected() + ")");
            }
        }
        for (FaultWindow f : run.faults()) {
            if (f.ttdMs() == null) {
                findings.add("no tolerance noticed " + f.step() + " (" + f.description()
                        + "): absorbed, or do the probes not exercise " + f.proxy() + "?");
            }
        }
        Long within = experiment.recoveryWithinMs();
        if (run.reachedRecovery() && !run.faults().isEmpty() && (run.timeToRecoverMs() == null
                || within != null && run.timeToRecoverMs() > within)) {
            findings.add("the steady state did not recover within " + (within == null ? "the run" : Units.duration(within))
                    + " of fault removal");
        }
        run.aborts().forEach(a -> findings.add("abort condition " + a.condition() + " tripped at "
                + Units.offset(a.t() - run.startT()) + ": " + a.message()));
        run.errors().forEach(e -> findings.add("runtime error: " + e));
        run.failedRollbacks().forEach(r -> findings.add("rollback failed: " + r));
        return findings;
    }

    private void notes(Document doc) {
        if (run.notes().isEmpty()) {
            return;
        }
        doc.heading(1, "Tabletop notes");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (TabletopNote n : run.notes()) {
            rows.add(List.of(Inline.plain(Units.offset(n.t() - run.startT())), Inline.plain(n.stop()), Inline.plain(n.note())));
        }
        doc.add(new Block.Table(List.of("Time", "Stop", "Note"), rows));
    }
}
