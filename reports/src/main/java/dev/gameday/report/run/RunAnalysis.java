package dev.gameday.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.JournalSummary;
import dev.gameday.journal.PathChecked;
import dev.gameday.journal.ProbeHistory;
import dev.gameday.judge.Rules;
import dev.gameday.report.experiment.ExperimentView;
import java.util.List;
import java.util.Map;

/**
 * Everything a game-day report says, computed from one journal in one streaming pass. Times are epoch
 * milliseconds; {@code startT} is the run's start (the {@code run.started} event, else the first event).
 * {@code evidence}, {@code detections} and {@code timeToRecoverMs} are the runner's own (its
 * {@code verdict} event) or, when the journal lacks them or they are damaged, the same judge's over the
 * journal's samples ({@code recomputed} says why; null when they are the runner's). {@code rules} is the
 * judge's reading of the experiment copy, null when there is none it can read.
 */
record RunAnalysis(
        JsonNode runStarted,
        ExperimentView experiment,
        Rules rules,
        long startT,
        long endT,
        String verdict,
        String verdictSummary,
        List<String> missing,
        JournalSummary journal,
        List<PhaseMark> phases,
        List<Evidence> evidence,
        String recomputed,
        List<Detection> detections,
        List<PathChecked> paths,
        List<String> caveats,
        List<FaultWindow> faults,
        Long timeToRecoverMs,
        JsonNode recovery,
        List<TimelineEntry> timeline,
        long timelineOmitted,
        List<Abort> aborts,
        List<String> errors,
        List<String> failedRollbacks,
        Map<String, ProbeData> probes,
        long samples,
        long failedSamples,
        List<TabletopNote> notes) {

    private static final List<String> PHASES = List.of("before", "method", "recovery", "after");

    /** The phases of a full run that these phase marks never began. */
    static List<String> phasesNotReached(List<PhaseMark> phases) {
        List<String> seen = phases.stream().map(PhaseMark::phase).toList();
        return PHASES.stream().filter(p -> !seen.contains(p)).toList();
    }

    /** Whether the run got as far as judging recovery. */
    boolean reachedRecovery() {
        return recovery != null || phases.stream().anyMatch(p -> p.phase().equals("recovery"));
    }

    long durationMs() {
        return Math.max(0, endT - startT);
    }

    /** The share of samples that failed over the run's length: the unavailability the run cost. */
    double failedRatio() {
        return samples == 0 ? 0 : failedSamples / (double) samples;
    }

    /** The error budget the run used, in milliseconds of unavailability. */
    double budgetCostMs() {
        return failedRatio() * durationMs();
    }

    /** When a judged phase began (epoch ms), or null when the run never reached it. */
    Long phaseStart(String judgedPhase) {
        String runPhase = judgedPhase.equals("during") ? "method" : judgedPhase;
        return phases.stream().filter(p -> p.phase().equals(runPhase)).map(PhaseMark::t).findFirst().orElse(null);
    }

    /** A phase beginning. */
    record PhaseMark(String phase, long t) {}

    record Abort(long t, String condition, String probe, String message) {}

    /**
     * One probe's samples: over the whole run, and per chart bucket; and what its target recorded over
     * the run ({@code probe.history}, for probes that keep a record, e.g. prometheus).
     */
    record ProbeData(LatencyStats overall, TimeBuckets buckets, List<ProbeHistory> history) {}
}
