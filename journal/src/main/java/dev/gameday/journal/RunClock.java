package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.text.Units;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Places each line of a journal in time from what came before it in the file, so that no reader meets
 * a time the run cannot have had (docs/journal.md, "Damaged journals"):
 * <ul>
 *   <li>an event dated before {@code run.started} (or at no time at all) is placed at the run's start
 *       (or at the line before it): events are stamped with the clock as they are written, so they
 *       cannot predate the run, and keeping them keeps what they say (a fault to clean up, a verdict);</li>
 *   <li>a sample is journaled as soon as it is taken, so it is never due long after every line written
 *       before it (while probes run, a line comes at least every probe interval): one dated before the
 *       run started, or more than {@link #SLACK_MS} plus the longest probe interval after the latest
 *       line before it, cannot be placed and is dropped;</li>
 *   <li>one probe's samples each have a slot of their own, in slot order from format 2 on: a second
 *       sample for the same slot, or (format 2) one older than the probe's previous sample, is dropped.</li>
 * </ul>
 * Events may lie far after the run: {@code gameday recover} appends to a journal days later.
 */
final class RunClock {
    /** How long a run may write nothing at all besides its probes' samples (pre-flight, a slow injection). */
    static final long SLACK_MS = 10 * 60_000;
    private static final long MAX_INTERVAL_MS = 86_400_000;
    private static final int MAX_TRACKED_PROBES = 10_000;
    private static final int MAX_NAME = 60;

    private Long startT;
    private Long lastT;
    /** The latest time of any line placed so far. */
    private Long latestT;
    private long longestIntervalMs;
    private boolean slotOrdered;
    /** Each probe's latest sample time, updated in place. */
    private final Map<String, long[]> lastSampleT = new HashMap<>();

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

    /** The {@code run.started} event, placed at {@code t}: the run's start, format and probe intervals. */
    void start(long t, JsonNode runStarted) {
        startT = t;
        slotOrdered = runStarted.path("v").asInt(1) >= 2;
        for (JsonNode probe : runStarted.path("experiment").path("steadyState").path("probes")) {
            JsonNode interval = probe.path("interval");
            if (interval.isNumber()) {
                longestIntervalMs = Math.max(longestIntervalMs, (long) Math.min(MAX_INTERVAL_MS, interval.asDouble()));
            }
        }
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
        placed(at);
        return new Placed(at, moved);
    }

    /** Places a line that came before any line with a time at the first such time. */
    void placeAt(long t) {
        placed(t);
    }

    private void placed(long t) {
        lastT = t;
        latestT = latestT == null ? t : Math.max(latestT, t);
    }

    /** Why a sample of {@code probe} due at {@code t} cannot be placed; null when it is placed. */
    String sample(String probe, long t) {
        if (startT != null && t < startT) {
            return "the sample is dated before the run started (" + Instant.ofEpochMilli(t) + ")";
        }
        if (latestT != null && t - latestT > SLACK_MS + longestIntervalMs) {
            return "the sample is dated " + Units.duration(t - latestT) + " after every line before it, but a run "
                    + "journals its samples as it takes them";
        }
        long[] previous = lastSampleT.get(probe);
        if (previous == null) {
            if (lastSampleT.size() < MAX_TRACKED_PROBES) { // a damaged journal naming endless probes: no more checked
                lastSampleT.put(probe, new long[] {t});
            }
        } else if (t == previous[0] || slotOrdered && t < previous[0]) {
            return t == previous[0] ? "a second sample of " + name(probe) + " for the same moment"
                    : "a sample of " + name(probe) + " dated before the one before it (a probe's samples come in order)";
        } else {
            previous[0] = t;
        }
        placed(t);
        return null;
    }

    /** An event's place in time; {@code moved} says why it is not the line's own {@code t}, null when it is. */
    record Placed(long t, String moved) {}

    private static String name(String probe) {
        return probe.length() <= MAX_NAME ? probe : probe.substring(0, MAX_NAME) + "…";
    }
}
