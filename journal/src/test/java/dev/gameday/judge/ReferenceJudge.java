package dev.gameday.judge;

import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.SampleTaken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge's rules written the slow, obvious way, over the whole run at once: every window recomputed
 * from scratch from the samples of its phase. The streaming {@link Judge} must agree with it exactly.
 */
final class ReferenceJudge {
    /** A sample; {@code value} NaN when it measured none. */
    record S(long t, boolean ok, double ms, double value) {}

    record Mark(String phase, long t) {}

    record Fault(String step, long in, Long out) {}

    record Eval(long endT, double[] values, boolean[] holds, long oldestT) {}

    private final Rules rules;
    private final List<Mark> marks = new ArrayList<>();
    private final Map<String, Fault> faults = new LinkedHashMap<>();
    private final Map<String, List<S>> samples = new LinkedHashMap<>();

    ReferenceJudge(Scenario scenario) {
        rules = Rules.of(scenario.experiment());
        rules.probes().forEach(p -> samples.put(p.name(), new ArrayList<>()));
        for (Scenario.Timed e : scenario.journal()) {
            if (e.event() instanceof PhaseStarted p) {
                marks.add(new Mark(Judge.judgedPhase(p.phase()), e.t()));
            } else if (e.event() instanceof FaultInjected f) {
                faults.putIfAbsent(f.step(), new Fault(f.step(), e.t(), null));
            } else if (e.event() instanceof FaultRemoved f) {
                Fault in = faults.get(f.step());
                faults.put(f.step(), new Fault(f.step(), in.in(), e.t()));
            } else if (e.event() instanceof SampleTaken s && samples.containsKey(s.probe())) {
                samples.get(s.probe()).add(of(s));
            }
        }
        samples.values().forEach(l -> l.sort(Comparator.comparingLong(S::t)));
    }

    static S of(SampleTaken s) {
        return new S(s.scheduledAt(), s.ok(), s.ms(), s.value() == null ? Double.NaN : s.value());
    }

    /**
     * A bound's metric over a window, the obvious way: the success ratio, the nearest-rank percentile,
     * or the worst value measured (the highest against {@code <=}/{@code <}, the lowest against
     * {@code >=}/{@code >}; NaN when no sample measured one).
     */
    static double metric(Bound b, List<S> window) {
        if (b.metric().isRatio()) {
            return window.stream().filter(S::ok).count() / (double) window.size();
        }
        if (b.metric().isValue()) {
            double[] values = window.stream().mapToDouble(S::value).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                return Double.NaN;
            }
            boolean higherIsWorse = b.op() == Comparison.LE || b.op() == Comparison.LT;
            return higherIsWorse ? values[values.length - 1] : values[0];
        }
        double[] ms = window.stream().mapToDouble(S::ms).sorted().toArray();
        int rank = (int) Math.ceil(b.metric().percentile() / 100 * ms.length);
        return ms[Math.max(1, rank) - 1];
    }

    private int markAt(long t) {
        int found = -1;
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).t() <= t) {
                found = i;
            }
        }
        return found;
    }

    private List<S> inPhase(ProbeRule p, String phase) {
        int mark = -1;
        for (int i = 0; i < marks.size(); i++) {
            if (phase.equals(marks.get(i).phase())) {
                mark = i;
                break;
            }
        }
        int m = mark;
        return m < 0 ? List.of() : samples.get(p.name()).stream().filter(s -> markAt(s.t()) == m).toList();
    }

    private long phaseStart(String phase) {
        return marks.stream().filter(m -> phase.equals(m.phase())).findFirst().orElseThrow().t();
    }

    private static Eval eval(ProbeRule p, List<S> window, long endT) {
        double[] values = new double[p.bounds().size()];
        boolean[] holds = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            Bound b = p.bounds().get(i);
            values[i] = metric(b, window);
            holds[i] = b.holds(values[i]);
        }
        return new Eval(endT, values, holds, window.get(0).t());
    }

    /** The full windows of a phase, ending at each of its samples. */
    List<Eval> fullWindows(ProbeRule p, String phase) {
        List<S> all = inPhase(p, phase);
        List<Eval> out = new ArrayList<>();
        for (S s : all) {
            if (s.t() - p.windowMs() < phaseStart(phase) - p.intervalMs()) {
                continue;
            }
            List<S> window = all.stream().filter(x -> x.t() <= s.t() && x.t() > s.t() - p.windowMs()).toList();
            out.add(eval(p, window, s.t()));
        }
        return out;
    }

    /** Full windows, or the whole phase as one when it has none. */
    List<Eval> judged(ProbeRule p, String phase) {
        List<Eval> full = fullWindows(p, phase);
        List<S> all = inPhase(p, phase);
        if (full.isEmpty() && !all.isEmpty()) {
            return List.of(eval(p, all, all.get(all.size() - 1).t()));
        }
        return full;
    }

    List<Evidence> evidence() {
        List<Evidence> out = new ArrayList<>();
        for (ProbeRule p : rules.probes()) {
            for (String phase : Judge.PHASES) {
                List<S> all = inPhase(p, phase);
                long failures = all.stream().filter(s -> !s.ok()).count();
                boolean checked = !phase.equals("recovery") && p.checks(phase);
                out.addAll(evidence(p, phase, null, judged(p, phase), all.size(), failures, checked));
                if (phase.equals("during")) {
                    out.addAll(steps(p));
                }
            }
        }
        return out;
    }

    private List<Evidence> steps(ProbeRule p) {
        List<Evidence> out = new ArrayList<>();
        for (Fault f : faults.values()) {
            List<Eval> overlapping = judged(p, "during").stream()
                    .filter(e -> e.endT() >= f.in() && (f.out() == null || e.endT() - p.windowMs() < f.out()))
                    .toList();
            List<S> during = samples.get(p.name()).stream()
                    .filter(s -> s.t() >= f.in() && (f.out() == null || s.t() < f.out())).toList();
            out.addAll(evidence(p, "during", f.step(), overlapping, during.size(),
                    during.stream().filter(s -> !s.ok()).count(), p.checks("during")));
        }
        return out;
    }

    private static List<Evidence> evidence(ProbeRule p, String phase, String step, List<Eval> evals, long count,
            long failures, boolean checked) {
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < p.bounds().size(); i++) {
            Bound b = p.bounds().get(i);
            int index = i;
            // A window with nothing to measure (no value) is not judged for the bound.
            List<Eval> judged = evals.stream().filter(e -> !Double.isNaN(e.values()[index])).toList();
            if (judged.isEmpty()) {
                out.add(new Evidence(p.name(), phase, step, b.metric().name(), b.expected(), null, null,
                        checked ? Status.NO_DATA : Status.INFO, count, failures, 0, 0, null));
                continue;
            }
            double worst = judged.stream().mapToDouble(e -> e.values()[index])
                    .reduce(Double.NaN, b::worse);
            List<Eval> failing = judged.stream().filter(e -> !e.holds()[index]).toList();
            Status status = !checked ? Status.INFO : failing.isEmpty() ? Status.PASS : Status.FAIL;
            out.add(new Evidence(p.name(), phase, step, b.metric().name(), b.expected(), worst, b.format(worst),
                    status, count, failures, judged.size(), failing.size(),
                    failing.isEmpty() ? null : failing.get(0).endT()));
        }
        return out;
    }

    List<Detection> detections() {
        List<Detection> out = new ArrayList<>();
        for (Fault f : faults.values()) {
            S first = null;
            String by = null;
            for (ProbeRule p : rules.probes()) {
                for (S s : samples.get(p.name())) {
                    boolean inPlace = s.t() >= f.in() && (f.out() == null || s.t() < f.out());
                    boolean earlier = first == null || s.t() < first.t() || s.t() == first.t()
                            && (known(s) < known(first) || known(s) == known(first) && p.name().compareTo(by) < 0);
                    if (inPlace && failing(p, s) && earlier) {
                        first = s;
                        by = p.name();
                    }
                }
            }
            out.add(first == null ? Detection.never(f.step())
                    : new Detection(f.step(), by, first.t() - f.in(), known(first) - f.in()));
        }
        return out;
    }

    /** Failed, slower than a latency limit, or a value that misses the value bound. */
    private static boolean failing(ProbeRule p, S s) {
        if (!s.ok()) {
            return true;
        }
        for (Bound b : p.bounds()) {
            boolean latency = !b.metric().isRatio() && !b.metric().isValue();
            if (latency && (b.op() == Comparison.LE || b.op() == Comparison.LT) && s.ms() > b.threshold()
                    || b.metric().isValue() && !Double.isNaN(s.value()) && !b.op().test(s.value(), b.threshold())) {
                return true;
            }
        }
        return false;
    }

    private static long known(S s) {
        return s.t() + Math.round(s.ms());
    }

    Long recoveredAfterMs() {
        if (faults.isEmpty()) {
            return null;
        }
        long last = faults.values().stream().mapToLong(Fault::out).max().orElseThrow();
        long latest = last;
        for (ProbeRule p : rules.recoveryProbes()) {
            Long from = null;
            // Windows of the samples due since the removal, whatever their phase.
            List<S> since = samples.get(p.name()).stream().filter(x -> x.t() >= last).toList();
            for (S s : since) {
                if (s.t() - p.windowMs() < last - p.intervalMs()) {
                    continue;
                }
                List<S> window = since.stream().filter(x -> x.t() <= s.t() && x.t() > s.t() - p.windowMs()).toList();
                boolean all = true;
                for (boolean h : eval(p, window, s.t()).holds()) {
                    all &= h;
                }
                if (all) {
                    from = window.get(0).t();
                    break;
                }
            }
            if (from == null) {
                return null;
            }
            latest = Math.max(latest, from);
        }
        return latest - last;
    }

    /** Every change of a bound's result over the run's full windows, per probe, as {@code bound:holds@endT}. */
    Map<String, List<String>> changes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ProbeRule p : rules.probes()) {
            List<String> changes = new ArrayList<>();
            Boolean[] last = new Boolean[p.bounds().size()];
            for (String phase : Judge.PHASES) {
                for (Eval e : fullWindows(p, phase)) {
                    for (int i = 0; i < last.length; i++) {
                        if (Double.isNaN(e.values()[i])) {
                            continue;
                        }
                        if (last[i] == null || last[i] != e.holds()[i]) {
                            last[i] = e.holds()[i];
                            changes.add(p.bounds().get(i).metric().name() + ":" + e.holds()[i] + "@" + e.endT());
                        }
                    }
                }
            }
            out.put(p.name(), changes);
        }
        return out;
    }

    static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
