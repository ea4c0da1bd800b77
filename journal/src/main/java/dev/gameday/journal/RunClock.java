package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Places each line of a journal in time from what came before it in the file, so that no reader meets
 * a time the run cannot have had (docs/journal.md):
 * <ul>
 *   <li>an event dated before {@code run.started} (or at no time at all) is placed at the run's start
 *       (or at the line before it): events are stamped with the clock as they are written, so they
 *       cannot predate the run, and keeping them keeps what they say (a fault to clean up, a verdict);</li>
 *   <li>a sample is due while probes run: one dated before the run started, or later after the last
 *       phase began than the whole run was planned to take (plus slack), cannot be placed and is dropped;</li>
 *   <li>one probe's samples each have a slot of their own, in slot order from format 2 on: a second
 *       sample for the same slot, or (format 2) one older than the probe's previous sample, is dropped.</li>
 * </ul>
 * Events may lie far after the run: {@code gameday recover} appends to a journal days later.
 */
final class RunClock {
    /** What a run may overrun its plan by: pre-flight, slow fault injection, a recovery phase's cap. */
    static final long SLACK_MS = 10 * 60_000;
    private static final long MAX_PLAN_MS = 10L * 365 * 86_400_000;
    private static final int MAX_TRACKED_PROBES = 10_000;
    private static final int MAX_NAME = 60;

    private Long startT;
    private Long lastT;
    private long lastPhaseT = Long.MIN_VALUE;
    /** The run's planned length; null when the journal does not say (no plan, older journals). */
    private Long plannedMs;
    private boolean slotOrdered;
    private final Map<String, Long> lastSampleT = new HashMap<>();

    boolean started() {
        return startT != null;
    }

    /** Whether a line has been placed yet, so that a line without a time can be placed at its time. */
    boolean hasTime() {
        return lastT != null;
    }

    long lastT() {
        return lastT;
    }

    /** The {@code run.started} event, placed at {@code t}: the run's start, plan and format. */
    void start(long t, JsonNode runStarted) {
        startT = t;
        slotOrdered = runStarted.path("v").asInt(1) >= 2;
        JsonNode plan = runStarted.path("plan");
        if (!plan.isArray()) {
            return;
        }
        long methodMs = 0;
        for (JsonNode step : plan) {
            methodMs = Math.max(methodMs, bounded(step.path("startMs")) + bounded(step.path("durationMs")));
        }
        JsonNode experiment = runStarted.path("experiment");
        plannedMs = methodMs + bounded(experiment.path("steadyState").path("before"))
                + bounded(experiment.path("steadyState").path("after"))
                + bounded(experiment.path("recovery").path("within"));
    }

    /**
     * Where an event goes: at {@code t}, or, when {@code t} is unusable or before the run started,
     * at the line before it or the run's start; {@link #moved} then says why. Needs {@link #hasTime()}
     * when {@code t} is unusable.
     */
    Placed event(String type, JsonNode t) {
        String problem = EventCheck.timeProblem(t);
        long at = problem == null ? EventCheck.time(t) : lastT;
        String moved = problem == null ? null : problem + "; placed at the time of the line before";
        if (startT != null && at < startT) {
            moved = (problem != null ? problem : "dated before the run started (" + Instant.ofEpochMilli(at) + ")")
                    + "; placed at the run's start";
            at = startT;
        }
        if (type.equals("phase")) {
            lastPhaseT = Math.max(lastPhaseT, at);
        }
        lastT = at;
        return new Placed(at, moved);
    }

    /** Places a line that came before any line with a time at the first such time. */
    void placeAt(long t) {
        lastT = t;
    }

    /** Why a sample of {@code probe} due at {@code t} cannot be placed; null when it is placed. */
    String sample(String probe, long t) {
        if (startT != null && t < startT) {
            return "the sample is dated before the run started (" + Instant.ofEpochMilli(t) + ")";
        }
        if (plannedMs != null) {
            long anchor = Math.max(startT, lastPhaseT);
            if (t - anchor > plannedMs + Math.max(plannedMs, SLACK_MS)) {
                return "the sample is dated " + roughly(t - anchor) + " after the run's "
                        + (lastPhaseT == Long.MIN_VALUE ? "start" : "last phase began")
                        + ", longer than the whole run was planned to take";
            }
        }
        Long previous = lastSampleT.get(probe);
        if (previous != null && t == previous) {
            return "a second sample of " + name(probe) + " for the same moment";
        }
        if (previous != null && slotOrdered && t < previous) {
            return "a sample of " + name(probe) + " dated before the one before it (a probe's samples come in order)";
        }
        if (previous != null || lastSampleT.size() < MAX_TRACKED_PROBES) {
            lastSampleT.put(probe, t);
        }
        lastT = t;
        return null;
    }

    /** An event's place in time; {@code moved} says why it is not the line's own {@code t}, null when it is. */
    record Placed(long t, String moved) {}

    private static long bounded(JsonNode ms) {
        return ms.isNumber() ? (long) Math.max(0, Math.min(MAX_PLAN_MS, ms.asDouble())) : 0;
    }

    private static String name(String probe) {
        return probe.length() <= MAX_NAME ? probe : probe.substring(0, MAX_NAME) + "…";
    }

    /** {@code 40 s}, {@code 25 min}, {@code 3 h}, {@code 2 d}: how far off a date is, to the nearest unit. */
    static String roughly(long ms) {
        if (ms < 120_000) {
            return Math.round(ms / 1000.0) + " s";
        }
        if (ms < 2 * 3_600_000) {
            return Math.round(ms / 60_000.0) + " min";
        }
        if (ms < 2 * 86_400_000L) {
            return Math.round(ms / 3_600_000.0) + " h";
        }
        return Math.round(ms / 86_400_000.0) + " d";
    }
}
