package dev.gameday.run;

import dev.gameday.judge.AbortRule;
import dev.gameday.judge.Judge;
import dev.gameday.judge.ProbeRule;
import dev.gameday.judge.SampleWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a run stands now: its phase and the time left in it, the steps in progress, each probe's
 * current window (null figures before its first sample), and each abort condition, armed or idle.
 */
public record RunStatus(String phase, long leftMs, List<String> steps, List<ProbeNow> probes, List<AbortNow> aborts) {
    public RunStatus {
        steps = List.copyOf(steps);
        probes = List.copyOf(probes);
        aborts = List.copyOf(aborts);
    }

    /** The status as the judge sees it now; {@code armed}: the abort conditions are watched. */
    static RunStatus of(String phase, long leftMs, Collection<String> steps, Judge judge, boolean armed) {
        List<ProbeNow> probes = new ArrayList<>();
        for (ProbeRule probe : judge.rules().probes()) {
            SampleWindow w = judge.window(probe.name());
            if (w != null && w.count() > 0) {
                String value = probe.bounds().stream().filter(b -> b.metric().isValue()).findFirst()
                        .map(b -> b.format(b.measure(w))).orElse(null);
                probes.add(new ProbeNow(probe.name(), w.successRatio(), w.percentileMs(95), value));
            }
        }
        List<AbortNow> aborts = new ArrayList<>();
        for (AbortRule a : judge.rules().aborts()) {
            aborts.add(new AbortNow(a.name(), armed, a.condition().metric().name(), a.condition().expected(),
                    a.sustainedMs()));
        }
        return new RunStatus(phase, leftMs, List.copyOf(steps), probes, aborts);
    }

    /**
     * A probe's current window: success ratio, p95 in ms, and — for a probe with a value bound — the
     * value the judge measures over it, as it reads (null otherwise).
     */
    public record ProbeNow(String name, double successRatio, double p95Ms, String value) {}

    /** An abort condition: it trips when {@code metric expected} holds for {@code sustainedMs}. */
    public record AbortNow(String name, boolean armed, String metric, String expected, long sustainedMs) {}
}
