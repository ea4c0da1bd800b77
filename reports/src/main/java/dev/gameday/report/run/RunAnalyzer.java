package dev.gameday.report.run;

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
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.FaultText;
import dev.gameday.report.run.RunAnalysis.Abort;
import dev.gameday.report.run.RunAnalysis.PhaseMark;
import dev.gameday.report.run.RunAnalysis.ProbeData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a journal's events once, in order, and keeps only aggregates: per-probe chart buckets, the
 * (few) non-sample events, and the {@link Judge} — the runner's own — fed every event, so that a
 * journal without the runner's evidence (partial, older) is judged exactly as the runner would have.
 * Memory does not grow with the number of samples.
 */
final class RunAnalyzer implements Consumer<JournalLine> {
    /** Caps for event kinds that a misbehaving run could repeat without bound. */
    private static final int MAX_TIMELINE = 2000;
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
    /** Tolerances that stopped holding and have not held since. */
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
        judge.accept(line);
        long t = line.t();
        if (startT == Long.MIN_VALUE) {
            startT = t;
        }
        lastT = Math.max(lastT, t);
        JsonNode e = line.body();
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
            case "phase" -> phases.add(new PhaseMark(e.path("phase").asText(), t));
            case "fault.injected" -> faultSteps.putIfAbsent(e.path("step").asText(),
                    new StepWindow(e.path("proxy").asText(), FaultText.ofEvent(e), t));
            case "fault.removed" -> {
                StepWindow w = faultSteps.get(e.path("step").asText());
                if (w != null && w.removedT == null) {
                    w.removedT = t;
                }
            }
            case "path" -> read(e, PathChecked.class, paths);
            case "abort" -> aborts.add(new Abort(t, e.path("condition").asText(), e.path("probe").asText(null),
                    e.path("message").asText("")));
            case "error" -> errors.add(e.path("message").asText(""));
            case "rollback" -> {
                if (!e.path("ok").asBoolean(true)) {
                    failedRollbacks.add(e.path("name").asText() + ": " + e.path("error").asText("failed"));
                }
            }
            case "probe.history" -> read(e, ProbeHistory.class, probe(e.path("probe").asText()).history());
            case "recovery" -> recovery = e;
            case "verdict" -> verdict = e;
            case "run.ended" -> ended = e;
            case "run.interrupted" -> interrupted = e;
            default -> { }
        }
        addTimeline(t, line.type(), e);
    }

    private void sample(long t, JsonNode e) {
        boolean ok = e.path("ok").asBoolean();
        double ms = e.path("ms").asDouble();
        double value = SampleTaken.value(e);
        ProbeData data = probe(e.path("probe").asText());
        data.overall().add(ok, ms, value);
        data.buckets().add(t - startT, ok, ms, value);
    }

    private ProbeData probe(String name) {
        return probes.computeIfAbsent(name, p -> new ProbeData(new LatencyStats(3),
                new TimeBuckets(initialBucketWidth()), new ArrayList<>()));
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
            if (holds ? !breached.remove(key) : !breached.add(key)) {
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

    RunAnalysis finish(JournalSummary summary, Path journal) throws IOException {
        long endT = Math.max(lastT, startT);
        boolean journaled = verdict != null && verdict.path("evidence").path(0).has("status");
        List<Evidence> evidence = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        if (journaled) {
            verdict.path("evidence").forEach(n -> read(n, Evidence.class, evidence));
            verdict.path("timeToDetect").forEach(n -> read(n, Detection.class, detections));
            verdict.path("caveats").forEach(c -> caveats.add(c.asText()));
        } else if (judge.rules() != null) {
            evidence.addAll(judge.evidence());
            detections.addAll(judge.detections());
        }
        List<FaultWindow> windows = new ArrayList<>();
        faultSteps.forEach((step, w) -> {
            Detection d = detections.stream().filter(x -> x.step().equals(step)).findFirst().orElse(Detection.never(step));
            PathChecked path = paths.stream().filter(p -> step.equals(p.step())).findFirst().orElse(null);
            windows.add(new FaultWindow(step, w.proxy, w.description, w.injectedT, w.removedT, d, path));
        });
        return new RunAnalysis(runStarted, experiment, startT == Long.MIN_VALUE ? 0 : startT, endT,
                verdict(evidence), verdict == null ? null : verdict.path("summary").asText(null), missing(summary),
                summary, List.copyOf(phases), evidence, !journaled, detections, List.copyOf(paths), caveats, windows,
                timeToRecover(journaled), recovery, List.copyOf(timeline), timelineOmitted, List.copyOf(aborts),
                List.copyOf(errors), List.copyOf(failedRollbacks), probes, judge.samples(), judge.failedSamples(),
                TabletopNote.readBeside(journal));
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

    private List<String> missing(JournalSummary summary) {
        List<String> missing = new ArrayList<>();
        if (runStarted.isMissingNode()) {
            missing.add("no run.started event: the experiment is unknown, so no tolerance can be judged");
        }
        if (summary.truncatedLastLine()) {
            missing.add("the last line of the journal is cut off (the run crashed or was killed while writing)");
        }
        missing.addAll(summary.problems());
        if (ended == null) {
            missing.add(interrupted != null
                    ? "the run never ended; it was marked interrupted afterwards ("
                            + interrupted.path("reason").asText("no reason given") + ")"
                    : "no run.ended event: the run crashed, was killed, or is still running");
        }
        if (verdict == null) {
            missing.add("no verdict event: the evidence here is the runner's judge applied to the journal's samples");
        }
        List<String> notReached = RunAnalysis.phasesNotReached(phases);
        if (ended == null && !notReached.isEmpty() && !runStarted.isMissingNode()) {
            missing.add("phases never reached: " + String.join(", ", notReached));
        }
        return missing;
    }

    /** The runner's own measure when it journaled one, else the judge's over the journal. */
    private Long timeToRecover(boolean journaled) {
        if (journaled && verdict.has("timeToRecoverMs")) {
            JsonNode ttr = verdict.path("timeToRecoverMs");
            return ttr.isNumber() ? ttr.asLong() : null;
        }
        if (recovery != null) {
            JsonNode after = recovery.path("recoveredAfterMs");
            return after.isNumber() ? after.asLong() : null;
        }
        return judge.rules() == null ? null : judge.recoveredAfterMs();
    }
}
