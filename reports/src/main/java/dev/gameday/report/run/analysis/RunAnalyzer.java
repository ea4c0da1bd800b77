package dev.gameday.report.run.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.JournalLine;
import dev.gameday.journal.JournalSummary;
import dev.gameday.journal.PathChecked;
import dev.gameday.journal.ProbeHistory;
import dev.gameday.journal.SampleTaken;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.FaultText;
import dev.gameday.report.experiment.ReadableRules;
import dev.gameday.report.run.analysis.Incidents.Abort;
import dev.gameday.report.run.analysis.Probes.ProbeData;
import dev.gameday.report.run.analysis.RunOutline.PhaseMark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a journal's events once, in order, and keeps only aggregates: per-probe chart buckets, the
 * (few) non-sample events, and the {@link Judge} — the runner's own — fed every event, so that a
 * journal without the runner's evidence (partial, older) is judged exactly as the runner would have.
 * Memory does not grow with the number of samples, and a damaged journal cannot make it grow with
 * anything else: kinds of event a run has a handful of (phases, fault steps, aborts, errors, probes
 * the experiment does not name) are kept up to a cap, the rest counted and said to be left out.
 */
public final class RunAnalyzer implements Consumer<JournalLine> {
    /** Caps for event kinds that a misbehaving run could repeat without bound. */
    private static final int MAX_TIMELINE = 2000;
    /** Of phases, fault steps, path checks, aborts, errors and failed rollbacks, more than a run can have. */
    static final int MAX_KEPT = 500;
    /** Probes charted although the experiment does not name them (a journal without its copy: all). */
    static final int MAX_UNNAMED_PROBES = 20;
    private static final Set<String> VERDICTS = Set.of("held", "refuted", "aborted", "inconclusive", "error");
    /** Events are read into the journal's records; a line's own fields (type, t, seq) are not theirs. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Judge judge = Judge.forJournal(new Judge.Listener() {});
    private JsonNode runStarted = MissingNode.getInstance();
    private ExperimentView experiment = new ExperimentView(null);
    private long startT = Long.MIN_VALUE;
    private long lastT = Long.MIN_VALUE;
    private final List<PhaseMark> phases = new ArrayList<>();
    private final Map<String, StepWindow> faultSteps = new LinkedHashMap<>();
    private final List<PathChecked> paths = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    /** Tolerances that stopped holding and have not held since (a run has a handful: kept up to a cap). */
    private final java.util.Set<String> breached = new java.util.HashSet<>();
    private long timelineOmitted;
    private final List<Abort> aborts = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> failedRollbacks = new ArrayList<>();
    private JsonNode verdict;
    private JsonNode recovery;
    private JsonNode ended;
    private JsonNode interrupted;
    private final Map<String, ProbeData> probes = new LinkedHashMap<>();
    private Rules rules;
    private String rulesProblem;
    private String verdictProblem;
    private int unnamedProbes;
    private long unchartedSamples;
    /** Events left out because a run cannot have that many of their kind. */
    private long leftOut;

    /** A fault as the journal saw it. */
    private static final class StepWindow {
        final String proxy;
        final String description;
        final long injectedT;
        Long removedT;

        StepWindow(String proxy, String description, long injectedT) {
            this.proxy = proxy;
            this.description = description;
            this.injectedT = injectedT;
        }
    }

    @Override
    public void accept(JournalLine line) {
        JsonNode e = line.body();
        if (judged(line)) {
            judge.accept(line);
        }
        long t = line.t();
        if (startT == Long.MIN_VALUE) {
            startT = t;
        }
        lastT = Math.max(lastT, t);
        if (line.type().equals("sample")) {
            sample(t, e);
            return;
        }
        switch (line.type()) {
            case "run.started" -> {
                runStarted = e;
                experiment = new ExperimentView(e.path("experiment"));
                startT = t;
            }
            case "phase" -> keep(phases, new PhaseMark(e.path("phase").asText(), t));
            case "fault.injected" -> {
                String step = e.path("step").asText();
                if (faultSteps.containsKey(step) || faultSteps.size() < MAX_KEPT) {
                    faultSteps.putIfAbsent(step, new StepWindow(e.path("proxy").asText(), FaultText.ofEvent(e), t));
                } else {
                    leftOut++;
                }
            }
            case "fault.removed" -> {
                StepWindow w = faultSteps.get(e.path("step").asText());
                if (w != null && w.removedT == null) {
                    w.removedT = t;
                }
            }
            case "path" -> {
                if (paths.size() < MAX_KEPT) {
                    read(e, PathChecked.class, paths);
                } else {
                    leftOut++;
                }
            }
            case "abort" -> keep(aborts, new Abort(t, e.path("condition").asText(), text(e, "probe"),
                    e.path("message").asText("")));
            case "error" -> keep(errors, e.path("message").asText(""));
            case "rollback" -> {
                if (!e.path("ok").asBoolean(true)) {
                    keep(failedRollbacks, e.path("name").asText() + ": " + e.path("error").asText("failed"));
                }
            }
            case "probe.history" -> {
                ProbeData data = probe(e.path("probe").asText());
                if (data != null) {
                    read(e, ProbeHistory.class, data.history());
                }
            }
            case "recovery" -> recovery = e;
            case "verdict" -> verdict(e);
            case "run.ended" -> ended = e;
            case "run.interrupted" -> interrupted = e;
            default -> { }
        }
        addTimeline(t, line.type(), e);
    }

    /**
     * Whether the judge gets this line: not an experiment copy it cannot read (it would throw), and
     * no fault step beyond those the report keeps (each one costs the judge on every sample).
     */
    private boolean judged(JournalLine line) {
        return switch (line.type()) {
            case "run.started" -> {
                ReadableRules readable = ReadableRules.of(line.body().path("experiment"));
                rules = readable.readable() ? readable.rules() : null;
                rulesProblem = readable.problem() == null ? null : readable.problem() + ", so no tolerance is judged";
                yield rules != null;
            }
            case "fault.injected" -> faultSteps.containsKey(line.body().path("step").asText())
                    || faultSteps.size() < MAX_KEPT;
            default -> true;
        };
    }

    /** Keeps the verdict event when it names a verdict; otherwise the report proceeds as without one. */
    private void verdict(JsonNode e) {
        JsonNode word = e.path("verdict");
        if (word.isTextual() && VERDICTS.contains(word.asText())) {
            verdict = e;
        } else {
            verdictProblem = "the verdict event names no verdict it knows (" + (word.isTextual()
                    ? "'" + shortText(word.asText()) + "'" : word.isValueNode() ? shortText(word.asText()) : "none")
                    + "), so it is left out";
        }
    }

    private <T> void keep(List<T> list, T item) {
        if (list.size() < MAX_KEPT) {
            list.add(item);
        } else {
            leftOut++;
        }
    }

    private static String text(JsonNode e, String field) {
        return e.path(field).isTextual() ? e.get(field).asText() : null;
    }

    private static String shortText(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private void sample(long t, JsonNode e) {
        boolean ok = e.path("ok").asBoolean();
        double ms = e.path("ms").asDouble();
        double value = SampleTaken.value(e);
        ProbeData data = probe(e.path("probe").asText());
        if (data == null) {
            unchartedSamples++;
            return;
        }
        data.overall().add(ok, ms, value);
        data.buckets().add(t - startT, ok, ms, value);
    }

    /** The probe's data; null once more probes than the cap were seen that the experiment does not name. */
    private ProbeData probe(String name) {
        ProbeData data = probes.get(name);
        if (data == null) {
            if (rules == null || rules.probe(name) == null) {
                if (unnamedProbes == MAX_UNNAMED_PROBES) {
                    return null;
                }
                unnamedProbes++;
            }
            data = new ProbeData(new LatencyStats(3), new TimeBuckets(initialBucketWidth()), new ArrayList<>());
            probes.put(name, data);
        }
        return data;
    }

    /** Sized from the planned run so that buckets rarely need merging. */
    private long initialBucketWidth() {
        long planned = experiment.beforeMs() + experiment.afterMs()
                + experiment.schedule().stream().mapToLong(s -> s.endMs()).max().orElse(0)
                + (experiment.recoveryWithinMs() == null ? 0 : experiment.recoveryWithinMs());
        return Math.max(100, planned / TimeBuckets.MAX_BUCKETS + 1);
    }

    private void addTimeline(long t, String type, JsonNode e) {
        if (type.equals("tolerance")) {
            String key = e.path("probe").asText() + " " + e.path("tolerance").asText();
            boolean holds = e.path("holds").asBoolean();
            // A bound that holds from its first window is no news: only a breach and its end are.
            if (holds ? !breached.remove(key) : breached.size() >= MAX_KEPT || !breached.add(key)) {
                return;
            }
        }
        if (timeline.size() >= MAX_TIMELINE) {
            timelineOmitted++;
            return;
        }
        TimelineEntry entry = TimelineText.describe(t, type, e);
        if (entry != null) {
            timeline.add(entry);
        }
    }

    /** The analysis of the lines read so far; {@code journal} is the file, for the notes beside it. */
    public RunAnalysis finish(JournalSummary summary, Path journal) throws IOException {
        long endT = Math.max(lastT, startT);
        JournaledEvidence journaled = verdict == null ? new JournaledEvidence(List.of(), null)
                : JournaledEvidence.of(verdict, runStarted.path("v").asInt(1) >= 2);
        boolean runners = !journaled.evidence().isEmpty();
        List<Evidence> evidence = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        if (runners) {
            evidence.addAll(journaled.evidence());
            verdict.path("timeToDetect").forEach(n -> read(n, Detection.class, detections));
            detections.removeIf(d -> d.step() == null);
            verdict.path("caveats").forEach(c -> {
                if (c.isTextual()) {
                    caveats.add(c.asText());
                }
            });
        } else if (judge.rules() != null) {
            evidence.addAll(judge.evidence());
            detections.addAll(judge.detections());
        }
        Map<String, Detection> byStep = new HashMap<>();
        detections.forEach(d -> byStep.putIfAbsent(d.step(), d));
        Map<String, PathChecked> pathByStep = new HashMap<>();
        paths.stream().filter(p -> p.step() != null).forEach(p -> pathByStep.putIfAbsent(p.step(), p));
        List<FaultWindow> windows = new ArrayList<>();
        faultSteps.forEach((step, w) -> windows.add(new FaultWindow(step, w.proxy, w.description, w.injectedT,
                w.removedT, byStep.getOrDefault(step, Detection.never(step)), pathByStep.get(step))));
        String recomputed = runners ? null : journaled.problem() != null
                ? "the verdict event's evidence is damaged" : "the journal has no verdict evidence";
        RunOutline outline = new RunOutline(runStarted, experiment, startT == Long.MIN_VALUE ? 0 : startT, endT,
                phases);
        boolean recoveryReached = recovery != null || phases.stream().anyMatch(p -> p.phase().equals("recovery"));
        return new RunAnalysis(outline,
                new Judgement(verdict(evidence), verdictSummary(), evidence, recomputed, caveats, judge.samples(),
                        judge.failedSamples()),
                new Faults(windows, timeToRecover(runners), recoveryReached),
                new Incidents(aborts, errors, failedRollbacks),
                new Probes(probes, rules),
                new EventTimeline(timeline, timelineOmitted),
                new JournalHealth(summary, missing(summary, journaled.problem())),
                TabletopNote.readBeside(journal));
    }

    private String verdictSummary() {
        return verdict != null && verdict.path("summary").isTextual() ? verdict.get("summary").asText() : null;
    }

    private static <T> void read(JsonNode node, Class<T> type, List<T> into) {
        try {
            into.add(MAPPER.treeToValue(node, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A damaged entry is left out; the journal's other evidence still renders.
        }
    }

    private String verdict(List<Evidence> evidence) {
        if (verdict != null) {
            return verdict.path("verdict").asText("inconclusive");
        }
        if (interrupted != null || ended == null) {
            return "interrupted";
        }
        if (ended.path("verdict").isTextual()) {
            return ended.path("verdict").asText();
        }
        if (!aborts.isEmpty()) {
            return "aborted";
        }
        boolean anyData = evidence.stream().anyMatch(r -> r.status() == Evidence.Status.PASS
                || r.status() == Evidence.Status.FAIL);
        if (!anyData) {
            return "inconclusive";
        }
        return evidence.stream().anyMatch(r -> r.status() == Evidence.Status.FAIL) ? "refuted" : "held";
    }

    private List<String> missing(JournalSummary summary, String evidenceProblem) {
        List<String> missing = new ArrayList<>();
        if (runStarted.isMissingNode()) {
            missing.add("no run.started event: the experiment is unknown, so no tolerance can be judged");
        }
        if (summary.truncatedLastLine()) {
            missing.add("the last line of the journal is cut off (the run crashed or was killed while writing)");
        }
        if (summary.damaged()) {
            missing.add(summary.damage() + " (listed below)");
        }
        if (rulesProblem != null) {
            missing.add(rulesProblem);
        }
        if (ended == null) {
            missing.add(interrupted != null
                    ? "the run never ended; it was marked interrupted afterwards ("
                            + interrupted.path("reason").asText("no reason given") + ")"
                    : "no run.ended event: the run crashed, was killed, or is still running");
        }
        if (verdictProblem != null) {
            missing.add(verdictProblem + (judge.rules() != null
                    ? ": the verdict and the evidence here are the runner's judge applied to the journal's samples" : ""));
        }
        if (verdict == null && verdictProblem == null) {
            missing.add(judge.rules() != null
                    ? "no verdict event: the evidence here is the runner's judge applied to the journal's samples"
                    : "no verdict event");
        } else if (evidenceProblem != null) {
            missing.add("the verdict event's evidence is damaged (" + evidenceProblem + "): " + (judge.rules() != null
                    ? "the figures below are recomputed from the journal's samples with the runner's judge"
                    : "there is no experiment copy to recompute it from, so no tolerance check can be shown"));
        }
        List<String> notReached = RunOutline.phasesNotReached(phases);
        if (ended == null && !notReached.isEmpty() && !runStarted.isMissingNode()) {
            missing.add("phases never reached: " + String.join(", ", notReached));
        }
        if (leftOut > 0) {
            missing.add(leftOut + " phase, fault, path, abort, error or rollback events are left out: a run has far "
                    + "fewer than " + MAX_KEPT + " of each");
        }
        if (unchartedSamples > 0) {
            missing.add(unchartedSamples + " samples of probes the experiment does not name are left out of the "
                    + "charts (only the first " + MAX_UNNAMED_PROBES + " such probes are shown)");
        }
        return missing;
    }

    /** The runner's own measure when it journaled one, else the judge's over the journal. */
    private Long timeToRecover(boolean journaled) {
        if (journaled && verdict.has("timeToRecoverMs")) {
            return duration(verdict.path("timeToRecoverMs"));
        }
        if (recovery != null) {
            return duration(recovery.path("recoveredAfterMs"));
        }
        return judge.rules() == null ? null : judge.recoveredAfterMs();
    }

    /** A journaled duration; null when it is none, or no duration a run can have. */
    private static Long duration(JsonNode ms) {
        return ms.isNumber() && ms.asDouble() >= 0 && ms.asDouble() <= Long.MAX_VALUE / 4 ? ms.asLong() : null;
    }
}
