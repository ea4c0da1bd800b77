package dev.gameday.run.internal;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.Probe;
import dev.gameday.hypothesis.Sample;
import dev.gameday.hypothesis.SlidingWindow;
import dev.gameday.hypothesis.ToleranceCheck;
import dev.gameday.hypothesis.ToleranceResult;
import dev.gameday.journal.Journal;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.journal.VerdictReached.Evidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every probe's sliding window and what its tolerances did in each phase: the journal gets a
 * {@code tolerance} event whenever one starts or stops holding, and the evidence keeps, per probe,
 * checked phase and tolerance, the worst value seen (a failing one beats any holding one). Windows
 * follow the newest slot time seen per probe, not the wall clock, so a sample that times out still
 * counts in the window it was due in. Event-loop confined.
 */
final class SteadyStateTracker {
    private final List<Probe> probes;
    private final Journal journal;
    private final Map<String, SlidingWindow> windows = new HashMap<>();
    private final Map<String, Boolean> holding = new HashMap<>();
    private final Map<String, Worst> worst = new LinkedHashMap<>();
    private final Map<String, Long> newestSlot = new HashMap<>();
    private final long startedAt;

    SteadyStateTracker(List<Probe> probes, Journal journal, long startedAt) {
        this.probes = List.copyOf(probes);
        this.journal = journal;
        this.startedAt = startedAt;
        probes.forEach(p -> windows.put(p.name(), new SlidingWindow(p.tolerance().window())));
    }

    void add(Sample s) {
        SlidingWindow w = windows.get(s.probe());
        if (w != null) {
            w.add(s);
            newestSlot.merge(s.probe(), s.scheduledAt(), Math::max);
        }
    }

    /** The probe's window, up to date. */
    SlidingWindow window(Probe p) {
        return advanced(p);
    }

    /** The newest slot time seen for this probe (the start of sampling before any). */
    long slot(Probe p) {
        return newestSlot.getOrDefault(p.name(), startedAt);
    }

    private SlidingWindow advanced(Probe p) {
        SlidingWindow w = windows.get(p.name());
        w.advanceTo(slot(p));
        return w;
    }

    /**
     * Evaluates every probe whose window has filled since sampling began (or every probe with
     * samples, when {@code force}), in run phase {@code runPhase}.
     */
    void evaluate(String runPhase, boolean force) {
        CheckPhase checked = checkPhaseOf(runPhase);
        for (Probe p : probes) {
            SlidingWindow w = advanced(p);
            boolean filled = slot(p) - startedAt >= p.tolerance().window().toMillis();
            if (w.count() == 0 || !(filled || force)) {
                continue;
            }
            for (ToleranceResult r : ToleranceCheck.evaluate(p, w)) {
                String key = p.name() + "\u0000" + r.tolerance();
                Boolean before = holding.put(key, r.holds());
                if (before == null || before != r.holds()) {
                    journal.append(new ToleranceChanged(p.name(), runPhase, r.tolerance(), r.holds(),
                            r.observed(), r.expected()));
                }
                if (checked != null && counts(p, checked)) {
                    worst.merge(p.name() + "\u0000" + checked.key() + "\u0000" + r.tolerance(),
                            new Worst(checked, r), Worst::worse);
                }
            }
        }
    }

    /**
     * True when every tolerance of these probes holds over full windows of samples all due at
     * {@code since} or later.
     */
    boolean holdsSince(long since, Collection<Probe> which) {
        for (Probe p : which) {
            SlidingWindow w = advanced(p);
            if (slot(p) - since < p.tolerance().window().toMillis() || w.count() == 0) {
                return false;
            }
            if (!ToleranceCheck.evaluate(p, w).stream().allMatch(ToleranceResult::holds)) {
                return false;
            }
        }
        return true;
    }

    /** Evidence so far, in the order tolerances were first evaluated. */
    List<Evidence> evidence() {
        List<Evidence> out = new ArrayList<>();
        worst.values().forEach(w -> out.add(w.evidence()));
        return out;
    }

    /** The first failing evidence of a checked phase, if any. */
    Optional<Evidence> firstFailure(CheckPhase phase) {
        return worst.values().stream()
                .filter(w -> w.phase == phase && !w.result.holds())
                .map(Worst::evidence)
                .findFirst();
    }

    /** True when some probe is checked in this phase. */
    boolean checks(CheckPhase phase) {
        return probes.stream().anyMatch(p -> counts(p, phase));
    }

    /** A sample worth detecting: it failed, or it was slower than the probe's tightest latency limit. */
    static boolean failing(Probe p, Sample s) {
        if (!s.ok()) {
            return true;
        }
        return p.tolerance().latency().stream()
                .filter(b -> b.op() == Comparison.LE || b.op() == Comparison.LT)
                .map(LatencyBound::limit)
                .anyMatch(limit -> s.latencyMs() > limit.toMillis());
    }

    static boolean counts(Probe p, CheckPhase phase) {
        return p.check().contains(CheckPhase.CONTINUOUSLY) || p.check().contains(phase);
    }

    /** {@code before} → BEFORE, {@code method}/{@code recovery} → DURING, {@code after} → AFTER. */
    static CheckPhase checkPhaseOf(String runPhase) {
        return switch (runPhase) {
            case "before" -> CheckPhase.BEFORE;
            case "method", "recovery" -> CheckPhase.DURING;
            case "after" -> CheckPhase.AFTER;
            default -> null;
        };
    }

    private record Worst(CheckPhase phase, ToleranceResult result) {
        Worst worse(Worst other) {
            if (result.holds() != other.result.holds()) {
                return result.holds() ? other : this;
            }
            boolean lowerIsWorse = result.tolerance().equals("successRatio");
            boolean otherWorse = lowerIsWorse ? other.result.observed() < result.observed()
                    : other.result.observed() > result.observed();
            return otherWorse ? other : this;
        }

        Evidence evidence() {
            return new Evidence(result.probe(), phase.key(), result.tolerance(), result.expected(),
                    result.observedText(), result.holds());
        }
    }
}
