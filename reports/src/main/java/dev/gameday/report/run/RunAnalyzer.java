package dev.gameday.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gameday.judge.Units;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.FaultText;
import dev.gameday.report.experiment.ToleranceSpec;
import dev.gameday.journal.JournalLine;
import dev.gameday.journal.JournalSummary;
import dev.gameday.report.run.RunAnalysis.Abort;
import dev.gameday.report.run.RunAnalysis.PhaseMark;
import dev.gameday.report.run.RunAnalysis.ProbeData;
import dev.gameday.report.run.ToleranceResult.Breach;
import dev.gameday.report.run.ToleranceResult.Status;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a journal's events once, in order, and keeps only aggregates: per-probe histograms per
 * segment and per chart bucket, and the (few) non-sample events. Memory does not grow with the number
 * of samples. A sample is placed by its scheduled time {@code t} against the phase and step windows
 * seen so far, which always precede it in the file.
 */
final class RunAnalyzer implements Consumer<JournalLine> {
    /** Caps for event kinds that a misbehaving run could repeat without bound. */
    private static final int MAX_TIMELINE = 2000;
    private static final int MAX_TOLERANCE_EVENTS = 20_000;

    private JsonNode runStarted = MissingNode.getInstance();
    private ExperimentView experiment = new ExperimentView(null);
    private long startT = Long.MIN_VALUE;
    private long lastT = Long.MIN_VALUE;
    private final List<PhaseMark> phases = new ArrayList<>();
    private final Map<String, StepWindow> steps = new LinkedHashMap<>();
    private final List<StepWindow> faultSteps = new ArrayList<>();
    private final Map<String, Long> injected = new HashMap<>();
    private final Map<String, Long> removed = new HashMap<>();
    private final Map<String, String> faultText = new HashMap<>();
    private final Map<String, String> faultProxy = new HashMap<>();
    private final List<ToleranceEvent> toleranceEvents = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private long timelineOmitted;
    private final List<Abort> aborts = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> failedRollbacks = new ArrayList<>();
    private JsonNode verdict;
    private JsonNode recovery;
    private JsonNode ended;
    private JsonNode interrupted;
    private final Map<String, ProbeData> probes = new LinkedHashMap<>();
    private final Map<String, Map<String, LatencyStats>> segmentStats = new HashMap<>();
    private long samples;
    private long failedSamples;

    private static final class StepWindow {
        final String name;
        final String kind;
        final long startT;
        long endT = Long.MAX_VALUE;

        StepWindow(String name, String kind, long startT) {
            this.name = name;
            this.kind = kind;
            this.startT = startT;
        }
    }

    private record ToleranceEvent(long t, String probe, String tolerance, boolean holds, String observed) {}

    @Override
    public void accept(JournalLine event) {
        long t = event.t();
        if (startT == Long.MIN_VALUE) {
            startT = t;
        }
        lastT = Math.max(lastT, t);
        JsonNode e = event.body();
        if (event.type().equals("sample")) {
            sample(t, e);
            return;
        }
        switch (event.type()) {
            case "run.started" -> {
                runStarted = e;
                experiment = new ExperimentView(e.path("experiment"));
                startT = t;
            }
            case "phase" -> phases.add(new PhaseMark(e.path("phase").asText(), t));
            case "step.started" -> {
                StepWindow w = new StepWindow(e.path("step").asText(), e.path("kind").asText(), t);
                steps.put(w.name, w);
                if ("fault".equals(w.kind)) {
                    faultSteps.add(w);
                }
            }
            case "step.ended" -> {
                StepWindow w = steps.get(e.path("step").asText());
                if (w != null) {
                    w.endT = t;
                }
            }
            case "fault.injected" -> {
                String step = e.path("step").asText();
                injected.putIfAbsent(step, t);
                faultText.putIfAbsent(step, toxicText(e.path("toxic")));
                faultProxy.putIfAbsent(step, e.path("proxy").asText());
            }
            case "fault.removed" -> removed.put(e.path("step").asText(), t);
            case "tolerance" -> {
                if (toleranceEvents.size() < MAX_TOLERANCE_EVENTS) {
                    toleranceEvents.add(new ToleranceEvent(t, e.path("probe").asText(), e.path("tolerance").asText(),
                            e.path("holds").asBoolean(), TimelineText.observed(e)));
                }
            }
            case "abort" -> aborts.add(new Abort(t, e.path("condition").asText(), e.path("probe").asText(null),
                    e.path("message").asText("")));
            case "error" -> errors.add(e.path("message").asText(""));
            case "rollback" -> {
                if (!e.path("ok").asBoolean(true)) {
                    failedRollbacks.add(e.path("name").asText() + ": " + e.path("error").asText("failed"));
                }
            }
            case "recovery" -> recovery = e;
            case "verdict" -> verdict = e;
            case "run.ended" -> ended = e;
            case "run.interrupted" -> interrupted = e;
            default -> { }
        }
        addTimeline(t, event.type(), e);
    }

    private void sample(long t, JsonNode e) {
        String probe = e.path("probe").asText();
        boolean ok = e.path("ok").asBoolean();
        double ms = e.path("ms").asDouble();
        samples++;
        if (!ok) {
            failedSamples++;
        }
        ProbeData data = probes.computeIfAbsent(probe, p -> new ProbeData(new LatencyStats(3),
                new TimeBuckets(initialBucketWidth())));
        data.overall().add(ok, ms);
        data.buckets().add(t - startT, ok, ms);
        Map<String, LatencyStats> perSegment = segmentStats.computeIfAbsent(probe, p -> new HashMap<>());
        String phase = phaseAt(t);
        if (phase != null && !phase.equals("method")) {
            perSegment.computeIfAbsent(phase, k -> new LatencyStats(3)).add(ok, ms);
        }
        for (StepWindow w : faultSteps) {
            if (t >= w.startT && t < w.endT) {
                perSegment.computeIfAbsent("step:" + w.name, k -> new LatencyStats(3)).add(ok, ms);
            }
        }
    }

    /** Sized from the planned run so that buckets rarely need merging. */
    private long initialBucketWidth() {
        long planned = experiment.beforeMs() + experiment.afterMs()
                + experiment.schedule().stream().mapToLong(s -> s.endMs()).max().orElse(0)
                + (experiment.recoveryWithinMs() == null ? 0 : experiment.recoveryWithinMs());
        return Math.max(100, planned / TimeBuckets.MAX_BUCKETS + 1);
    }

    private String phaseAt(long t) {
        for (int i = phases.size() - 1; i >= 0; i--) {
            if (t >= phases.get(i).t()) {
                return phases.get(i).phase();
            }
        }
        return null;
    }

    private static String toxicText(JsonNode toxic) {
        return FaultText.describe(toxic.path("type").asText(), toxic.path("attributes"),
                toxic.path("toxicity").asDouble(1.0));
    }

    private void addTimeline(long t, String type, JsonNode e) {
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
        List<Segment> segments = segments(endT);
        List<ToleranceResult> results = new ArrayList<>();
        for (JsonNode probe : experiment.probes()) {
            for (ToleranceSpec spec : ExperimentView.tolerances(probe)) {
                for (Segment segment : segments) {
                    results.add(judge(probe, spec, segment));
                }
            }
        }
        return new RunAnalysis(runStarted, experiment, startT == Long.MIN_VALUE ? 0 : startT, endT, verdict(results),
                verdict == null ? null : verdict.path("summary").asText(null), missing(summary), summary,
                List.copyOf(phases), results, faultWindows(), timeToRecover(), recovery, List.copyOf(timeline),
                timelineOmitted, List.copyOf(aborts), List.copyOf(errors), List.copyOf(failedRollbacks),
                probes, samples, failedSamples, TabletopNote.readBeside(journal));
    }

    /**
     * Before, every fault step, recovery, after: the ones the run reached with their windows, the
     * others empty so that reports show them as missing.
     */
    private List<Segment> segments(long endT) {
        List<Segment> segments = new ArrayList<>();
        segments.add(phaseSegment("before", endT));
        Map<String, StepWindow> started = new LinkedHashMap<>();
        faultSteps.forEach(w -> started.put(w.name, w));
        List<String> names = new ArrayList<>();
        experiment.schedule().stream().filter(s -> s.isFault()).forEach(s -> names.add(s.step()));
        started.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
            StepWindow w = started.get(name);
            segments.add(w == null ? new Segment("step:" + name, "during " + name, "during", endT, endT)
                    : new Segment("step:" + name, "during " + name, "during", w.startT, Math.min(w.endT, endT + 1)));
        }
        segments.add(phaseSegment("recovery", endT));
        segments.add(phaseSegment("after", endT));
        return segments;
    }

    private Segment phaseSegment(String phase, long endT) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).phase().equals(phase)) {
                long to = i + 1 < phases.size() ? phases.get(i + 1).t() : endT + 1;
                return new Segment(phase, phase, phase, phases.get(i).t(), to);
            }
        }
        return new Segment(phase, phase, phase, endT, endT);
    }

    private ToleranceResult judge(JsonNode probe, ToleranceSpec spec, Segment segment) {
        LatencyStats stats = segmentStats.getOrDefault(spec.probe(), Map.of()).get(segment.key());
        Breach breach = null;
        for (ToleranceEvent e : toleranceEvents) {
            if (!e.holds() && e.probe().equals(spec.probe()) && e.tolerance().equals(spec.key()) && segment.contains(e.t())) {
                breach = new Breach(e.t(), e.observed());
                break;
            }
        }
        if (stats == null || stats.count() == 0) {
            return new ToleranceResult(spec, segment, Status.NO_DATA, Double.NaN, 0, 0,
                    "no samples in this phase", breach);
        }
        double observed = stats.value(spec);
        boolean checked = !segment.phase().equals("recovery") && ExperimentView.checkedIn(probe, segment.phase());
        boolean holds = spec.holds(observed) && breach == null;
        String evidence = spec.label() + " " + spec.format(observed) + " over " + stats.count() + " samples ("
                + stats.failures() + " failed)";
        if (breach != null) {
            evidence += "; stopped holding " + Units.duration(breach.t() - segment.fromT()) + " into the phase ("
                    + breach.observed() + " over a " + Units.duration(spec.windowMs()) + " window)";
        }
        Status status = !checked ? Status.NOT_CHECKED : holds ? Status.PASS : Status.FAIL;
        return new ToleranceResult(spec, segment, status, observed, stats.count(), stats.failures(), evidence, breach);
    }

    private String verdict(List<ToleranceResult> results) {
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
        boolean anyData = results.stream().anyMatch(r -> r.status() == Status.PASS || r.status() == Status.FAIL);
        if (!anyData) {
            return "inconclusive";
        }
        return results.stream().anyMatch(r -> r.status() == Status.FAIL) ? "refuted" : "held";
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
            missing.add("no verdict event: the verdict here is computed from the samples in the journal");
        }
        List<String> notReached = RunAnalysis.phasesNotReached(phases);
        if (ended == null && !notReached.isEmpty() && !runStarted.isMissingNode()) {
            missing.add("phases never reached: " + String.join(", ", notReached));
        }
        return missing;
    }

    private List<FaultWindow> faultWindows() {
        Map<String, JsonNode> reported = new HashMap<>();
        if (verdict != null) {
            verdict.path("timeToDetect").forEach(d -> reported.put(d.path("step").asText(), d.path("ms")));
        }
        long window = experiment.tolerances().stream().mapToLong(ToleranceSpec::windowMs).max().orElse(0);
        List<FaultWindow> windows = new ArrayList<>();
        for (StepWindow step : faultSteps) {
            Long in = injected.getOrDefault(step.name, step.startT);
            Long out = removed.get(step.name);
            long horizon = out == null ? Long.MAX_VALUE : out + window;
            ToleranceEvent first = toleranceEvents.stream()
                    .filter(e -> !e.holds() && e.t() >= in && e.t() <= horizon).findFirst().orElse(null);
            Long ttd;
            if (reported.containsKey(step.name)) {
                JsonNode ms = reported.get(step.name);
                ttd = ms.isNumber() ? ms.asLong() : null;
            } else {
                ttd = first == null ? null : first.t() - in;
            }
            windows.add(new FaultWindow(step.name, faultProxy.getOrDefault(step.name, ""),
                    faultText.getOrDefault(step.name, step.kind), in, out, ttd,
                    first == null ? null : first.probe() + " " + first.tolerance()));
        }
        return windows;
    }

    /** From the journal when the runner said it, else from tolerance transitions after the last removal. */
    private Long timeToRecover() {
        if (verdict != null && verdict.has("timeToRecoverMs")) {
            JsonNode ttr = verdict.path("timeToRecoverMs");
            return ttr.isNumber() ? ttr.asLong() : null;
        }
        if (recovery != null) {
            JsonNode after = recovery.path("recoveredAfterMs");
            return after.isNumber() ? after.asLong() : null;
        }
        long lastRemoval = removed.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        if (lastRemoval == Long.MIN_VALUE) {
            return null;
        }
        Map<String, Boolean> holding = new HashMap<>();
        Map<String, Long> recoveredAt = new HashMap<>();
        for (ToleranceEvent e : toleranceEvents) {
            String key = e.probe() + " " + e.tolerance();
            if (e.t() <= lastRemoval) {
                holding.put(key, e.holds());
            } else if (e.holds() && Boolean.FALSE.equals(holding.get(key)) && !recoveredAt.containsKey(key)) {
                recoveredAt.put(key, e.t());
            }
        }
        long worst = 0;
        for (Map.Entry<String, Boolean> h : holding.entrySet()) {
            if (!h.getValue()) {
                Long at = recoveredAt.get(h.getKey());
                if (at == null) {
                    return null;
                }
                worst = Math.max(worst, at - lastRemoval);
            }
        }
        return worst;
    }
}
