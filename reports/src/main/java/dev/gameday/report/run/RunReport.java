package dev.gameday.report.run;

import static dev.gameday.report.doc.Inline.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.text.Units;
import dev.gameday.report.experiment.ErrorBudget;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.journal.PathChecked;
import dev.gameday.judge.Metric;
import dev.gameday.judge.Sentences;
import dev.gameday.text.Units;
import dev.gameday.report.run.RunAnalysis.Abort;
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
        doc.add(new Block.Banner(bannerTone(), verdictTitle(), List.of(text(verdictSentence()))));
        if (!run.caveats().isEmpty()) {
            doc.add(new Block.Note(Tone.WARN, List.of(new Inline.Strong("What this verdict cannot vouch for: "),
                    text(String.join("; ", run.caveats()) + "."))));
        }
        if (!run.missing().isEmpty()) {
            doc.add(new Block.Note(Tone.WARN, List.of(new Inline.Strong("Partial journal. "),
                    text("This report shows what the journal holds; what is missing: " + String.join("; ",
                            run.missing()) + "."))));
            if (!run.journal().problems().isEmpty()) {
                doc.bullets(run.journal().problems());
            }
        } else if (!RunAnalysis.phasesNotReached(run.phases()).isEmpty()) {
            doc.note(Tone.NEUTRAL, "The run ended before these phases: "
                    + String.join(", ", RunAnalysis.phasesNotReached(run.phases())) + "; their checks show NO DATA.");
        }
        run.journal().notes().forEach(n -> doc.note(Tone.NEUTRAL, Character.toUpperCase(n.charAt(0)) + n.substring(1) + "."));
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

    /** The verdict's tone; a hypothesis said to hold on no check at all is nothing to be green about. */
    private Tone bannerTone() {
        return run.verdict().equals("held") && judgedChecks().isEmpty() ? Tone.WARN : TimelineText.tone(run.verdict());
    }

    /** The checks that passed or failed, per phase. */
    private List<Evidence> judgedChecks() {
        return phaseLevel().stream().filter(e -> e.status() == Status.PASS || e.status() == Status.FAIL).toList();
    }

    /**
     * The verdict in words: the runner's own summary when it wrote one (it is made from the same
     * evidence), then how many checks passed — a count, never a second figure for the same check.
     */
    String verdictSentence() {
        List<Evidence> checked = judgedChecks();
        List<Evidence> failed = checked.stream().filter(e -> e.status() == Status.FAIL).toList();
        String count = checked.isEmpty() ? "no tolerance check could be judged from this journal"
                : failed.isEmpty() ? checked.size() + " of " + checked.size() + " tolerance checks passed"
                : failed.size() + " of " + checked.size() + " tolerance checks failed";
        if (run.verdictSummary() != null) {
            String summary = run.verdictSummary().strip();
            return summary + (summary.matches(".*[.!?]$") ? "" : ".") + " " + Character.toUpperCase(count.charAt(0))
                    + count.substring(1) + ".";
        }
        String first = failed.isEmpty() ? "" : "; " + Sentences.observation(failed.get(0));
        return switch (run.verdict()) {
            case "held" -> "The steady state held: " + count + ".";
            case "refuted" -> "The steady state did not hold: " + count + first + ".";
            case "aborted" -> "The run was stopped by an abort condition"
                    + (run.aborts().isEmpty() ? "" : " (" + run.aborts().get(0).condition() + ": "
                            + run.aborts().get(0).message() + ")") + "; " + count + ".";
            case "interrupted" -> "The run did not finish (last phase reached: " + lastPhase() + "); "
                    + count + first + " before it stopped.";
            default -> "No tolerance could be judged: " + count + ".";
        };
    }

    /** The evidence per phase (fault steps left out). */
    private List<Evidence> phaseLevel() {
        return run.evidence().stream().filter(e -> e.step() == null).toList();
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
        if (run.evidence().isEmpty()) {
            doc.note(Tone.WARN, "No tolerance could be judged: the journal has no experiment copy or no phase events.");
            return;
        }
        doc.paragraph("Each tolerance of the steady state over each phase of the run: every full sliding window "
                + "of the tolerance window inside the phase (a window never reaches into another phase; a phase "
                + "shorter than one window is judged whole), ending at each sample; the figure is the worst window. "
                + "A fault step's row judges the method's windows that overlap it. Recovery is shown for "
                + "information: it is judged by the time to recover below. "
                + (run.recomputed() != null ? "These figures were recomputed from the journal's samples with the "
                        + "runner's judge (" + run.recomputed() + ")."
                        : "These are the figures the runner decided the verdict on (its verdict event)."));
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Evidence e : run.evidence()) {
            rows.add(List.of(Inline.plain(e.probe()), Inline.plain(Metric.parse(e.tolerance()).label()),
                    List.of(new Inline.Code(e.expected())), Inline.plain(where(e)),
                    Inline.plain(e.observedText() == null ? "–" : e.observedText()),
                    Inline.plain(Long.toString(e.samples())), List.of(badge(e.status())), Inline.plain(detail(e))));
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

    /** {@code before}, {@code during} (the whole method), {@code during slow-inventory} (one fault step), … */
    static String where(Evidence e) {
        return e.step() == null ? e.phase() : "during " + e.step();
    }

    /** How the figure was reached, in a reader's words. */
    private String detail(Evidence e) {
        if (e.windows() == 0) {
            return e.samples() == 0 ? "no samples" : e.samples() + " samples, no window judged";
        }
        String windows = e.windows() == 1 ? "one window (the phase judged whole)" : "worst of " + e.windows() + " windows";
        String outside = e.failingWindows() == 0 ? "" : "; " + e.failingWindows() + " outside the bound, the first ending "
                + firstFailingOffset(e);
        return windows + " over " + e.samples() + " samples (" + e.failures() + " failed)" + outside;
    }

    private String firstFailingOffset(Evidence e) {
        Long phaseStart = run.phaseStart(e.phase());
        return phaseStart == null ? Units.offset(e.firstFailingT() - run.startT())
                : Units.duration(Math.max(0, e.firstFailingT() - phaseStart)) + " into the phase";
    }

    static Inline badge(Status status) {
        return switch (status) {
            case PASS -> new Inline.Badge("PASS", Tone.OK);
            case FAIL -> new Inline.Badge("FAIL", Tone.BAD);
            case NO_DATA -> new Inline.Badge("NO DATA", Tone.WARN);
            case INFO -> new Inline.Badge("INFO", Tone.NEUTRAL);
        };
    }

    private void detection(Document doc) {
        doc.heading(1, "Detection, recovery and error budget");
        if (run.faults().isEmpty()) {
            doc.paragraph("No fault step started in this run.");
        } else {
            doc.paragraph("Time to detect: from the injection until the answer of the first failing sample (failed, "
                    + "or slower than its probe's tightest latency limit) sent while the fault was in place came "
                    + "back — the earliest the engine could know. Fault path: what the proxy carried while the "
                    + "fault was in place (for an outage, before it: a disabled proxy accepts nothing).");
            List<List<List<Inline>>> rows = new ArrayList<>();
            for (FaultWindow f : run.faults()) {
                Detection d = f.detection();
                rows.add(List.of(Inline.plain(f.step()), Inline.plain(f.proxy()), Inline.plain(f.description()),
                        Inline.plain(Units.offset(f.injectedT() - run.startT())),
                        Inline.plain(f.removedT() == null ? "never seen" : Units.offset(f.removedT() - run.startT())),
                        Inline.plain(d.detected() ? Units.duration(d.knownAfterMs()) : "not detected"),
                        Inline.plain(d.detected() ? d.probe() + ", sent " + Units.duration(d.sentAfterMs())
                                + " after the injection" : "–"),
                        Inline.plain(pathText(f.path()))));
            }
            doc.add(new Block.Table(List.of("Fault step", "Proxy", "Fault", "Injected", "Removed", "Time to detect",
                    "First failing sample", "Fault path"), rows));
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
        double failedRatio = run.failedRatio();
        double costMs = run.budgetCostMs();
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

    /** Whether a fault's proxy carried traffic, in words. */
    static String pathText(PathChecked p) {
        if (p == null) {
            return "not recorded";
        }
        if (p.carried() == null) {
            return p.note() == null ? "not verified" : p.note();
        }
        String carried = (p.connections() == null ? "" : p.connections() + " connections, ")
                + p.upstreamBytes() + " B up, " + p.downstreamBytes() + " B down " + p.basis();
        return p.carried() ? "verified: " + carried : "NO TRAFFIC " + p.basis() + ": the fault tested nothing";
    }

    /** Candidate findings the journal supports, phrased for the team to confirm or strike out. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        for (Evidence e : run.evidence()) {
            boolean saidByAStep = e.step() == null && e.phase().equals("during") && run.evidence().stream()
                    .anyMatch(x -> x.step() != null && x.status() == Status.FAIL && x.probe().equals(e.probe())
                            && x.tolerance().equals(e.tolerance()));
            if (e.status() == Status.FAIL && !saidByAStep) {
                findings.add(Sentences.observation(e) + " (the first window outside it ended " + firstFailingOffset(e)
                        + ")");
            }
        }
        for (FaultWindow f : run.faults()) {
            if (f.path() != null && Boolean.FALSE.equals(f.path().carried())) {
                findings.add("proxy " + f.proxy() + " carried no traffic " + f.path().basis() + " of " + f.step()
                        + ": the system under test does not use it, so this fault tested nothing");
            }
        }
        for (FaultWindow f : run.faults()) {
            if (!f.detection().detected()) {
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
