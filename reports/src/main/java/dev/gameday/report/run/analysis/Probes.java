package dev.gameday.report.run.analysis;

import dev.gameday.journal.ProbeHistory;
import dev.gameday.judge.Rules;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Each probe's samples, in the order first seen, and {@code rules}: the judge's reading of the
 * experiment copy (the bounds a chart draws), null when there is none it can read.
 */
public record Probes(Map<String, ProbeData> byName, Rules rules) {
    public Probes {
        byName = Collections.unmodifiableMap(byName);
    }

    /**
     * One probe's samples: over the whole run, and per chart bucket; and what its target recorded over
     * the run ({@code probe.history}, for probes that keep a record, e.g. prometheus).
     */
    public record ProbeData(LatencyStats overall, TimeBuckets buckets, List<ProbeHistory> history) {}
}
