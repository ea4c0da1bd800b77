package dev.gameday.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.JournalLine;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.RunStarted;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.ToleranceChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one judgement of a run: the runner feeds it the events it journals, as it journals them, and
 * every report feeds it the same events read back from the journal, so both reach the same numbers.
 *
 * <p>The rules (docs/run.md, "How the verdict is reached"):
 * <ul>
 *   <li>A sample belongs to the phase its slot was due in ({@code before}, {@code during} = the method,
 *       {@code recovery}, {@code after}), wherever it arrives.</li>
 *   <li>Each bound is judged over every full sliding window of the probe's tolerance window inside one
 *       phase, the window ending at each sample; a phase with no full window is judged as one window.
 *       A value bound takes the worst value measured in the window; a window in which no sample
 *       measured a value is not judged for it.
 *       The phase's result is its worst window. A fault step's result is that of the method's windows
 *       that overlap it.</li>
 *   <li>Recovery: per probe, the first full window of the samples due after the last fault removal
 *       (whatever their phase) that meets every bound; the time to recover is from the removal to that
 *       window's first sample, for the slowest probe that the hypothesis checks during or after.</li>
 *   <li>Abort conditions watch windows of their {@code for} length from the start of the method until
 *       the after phase.</li>
 * </ul>
 * Samples of one probe must come in slot order (the sampler delivers them so); events must come in
 * journal order. Not thread-safe.
 */
public final class Judge {
    /** What the judge tells as it goes: the runner journals tolerance changes and acts on aborts. */
    public interface Listener {
        default void toleranceChanged(ToleranceChanged change) {}

        default void abortTripped(AbortRule rule, double observed, long windowEndT) {}
    }

    /** The judged phases, in run order: {@code during} is the method phase. */
    public static final List<String> PHASES = List.of("before", "during", "recovery", "after");

    private final Listener listener;
    private Rules rules;
    private final Map<String, ProbeTrack> probes = new LinkedHashMap<>();
    private final Map<String, FaultTrack> faults = new LinkedHashMap<>();
    private final List<AbortTrack> aborts = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private Long lastRemovalT;
    private int faultsInPlace;
    private long samples;
    private long failedSamples;

    public Judge(Rules rules, Listener listener) {
        this.listener = listener;
        if (rules != null) {
            use(rules);
        }
    }

    /** A judge for a journal: its rules come from the {@code run.started} event it will be fed. */
    public static Judge forJournal(Listener listener) {
        return new Judge(null, listener);
    }

    private void use(Rules r) {
        rules = r;
        probes.clear();
        aborts.clear();
        r.probes().forEach(p -> probes.put(p.name(), new ProbeTrack(p)));
        r.aborts().forEach(a -> aborts.add(new AbortTrack(a, r.probe(a.probe()))));
    }

    public Rules rules() {
        return rules;
    }

    // ---- input ------------------------------------------------------------------------------------

    /** An event the runner has just journaled at {@code t} (a sample's {@code t} is its slot). */
    public void on(long t, JournalEvent event) {
        if (event instanceof SampleTaken s) {
            sample(s.probe(), s.scheduledAt(), s.ok(), s.ms(), s.value() == null ? Double.NaN : s.value());
        } else if (event instanceof PhaseStarted p) {
            phase(t, p.phase());
        } else if (event instanceof FaultInjected f) {
            faultInjected(t, f.step(), f.proxy());
        } else if (event instanceof FaultRemoved f) {
            faultRemoved(t, f.step());
        } else if (event instanceof RunStarted r && rules == null) {
            use(Rules.of(r.experiment()));
        }
    }

    /** A line read back from a journal. */
    public void accept(JournalLine line) {
        JsonNode e = line.body();
        switch (line.type()) {
            case "sample" -> sample(e.path("probe").asText(), line.t(), e.path("ok").asBoolean(), e.path("ms").asDouble(),
                    SampleTaken.value(e));
            case "phase" -> phase(line.t(), e.path("phase").asText());
            case "fault.injected" -> faultInjected(line.t(), e.path("step").asText(), e.path("proxy").asText());
            case "fault.removed" -> faultRemoved(line.t(), e.path("step").asText());
            case "run.started" -> {
                if (rules == null) {
                    use(Rules.of(e.path("experiment")));
                }
            }
            default -> { }
        }
    }

    /** A run phase begins ({@code before}, {@code method}, {@code recovery}, {@code after}, …). */
    public void phase(long t, String runPhase) {
        String judged = judgedPhase(runPhase);
        marks.add(new Mark(judged, t));
        if ("during".equals(judged)) {
            aborts.forEach(a -> a.watchFrom(t));
        } else if (!"recovery".equals(judged)) {
            aborts.forEach(a -> a.stopAt(t));
        }
    }

    public void faultInjected(long t, String step, String proxy) {
        if (faults.containsKey(step)) {
            return;
        }
        faults.put(step, new FaultTrack(step, proxy, t));
        faultsInPlace++;
        probes.values().forEach(p -> {
            p.recoverySince = null;
            p.recoveryWindow = null;
        });
    }

    public void faultRemoved(long t, String step) {
        FaultTrack f = faults.get(step);
        if (f == null || f.removedT != null) {
            return;
        }
        f.removedT = t;
        faultsInPlace = Math.max(0, faultsInPlace - 1);
        lastRemovalT = t;
        if (faultsInPlace == 0) {
            probes.values().forEach(p -> {
                p.recoverySince = t;
                p.recoveryWindow = new SampleWindow(p.rule.windowMs());
                p.recoveredFrom = null;
            });
        }
    }

    /** A sample that measured no value. */
    public void sample(String probe, long t, boolean ok, double ms) {
        sample(probe, t, ok, ms, Double.NaN);
    }

    /** A sample of {@code probe} due at {@code t}; {@code value} is what it measured, NaN when nothing. */
    public void sample(String probe, long t, boolean ok, double ms, double value) {
        samples++;
        if (!ok) {
            failedSamples++;
        }
        ProbeTrack track = probes.get(probe);
        if (track == null) {
            return;
        }
        for (FaultTrack f : faults.values()) {
            if (f.inPlaceAt(t)) {
                FaultTrack.StepCounts counts = f.probes.computeIfAbsent(probe, p -> new FaultTrack.StepCounts(track.rule));
                counts.samples++;
                counts.failures += ok ? 0 : 1;
                if (track.rule.failing(ok, ms, value)) {
                    f.detected(probe, t, t + Math.round(ms));
                }
            }
        }
        for (AbortTrack a : aborts) {
            if (a.rule().probe().equals(probe) && a.offer(t, ok, ms, value)) {
                listener.abortTripped(a.rule(), a.observed(), t);
            }
        }
        searchRecovery(track, t, ok, ms, value);
        PhaseTrack pt = phaseOf(track, t);
        if (pt == null) {
            return;
        }
        pt.samples++;
        pt.failures += ok ? 0 : 1;
        if (pt != track.current) {
            return; // a straggler from an earlier phase (older journals): counted, not windowed
        }
        pt.window.add(t, ok, ms, value);
        if (pt.full(track.rule)) {
            judgeWindow(track, pt);
        }
    }

    /**
     * The phase track a sample due at {@code t} belongs to: the phase its slot fell in. A later phase
     * than the probe's current one closes that and opens its own; an earlier one (a straggler in an
     * older journal) only counts in its phase.
     */
    private PhaseTrack phaseOf(ProbeTrack track, long t) {
        int mark = markAt(t);
        if (mark < 0) {
            return null;
        }
        PhaseTrack current = track.current;
        if (current != null && current.mark == mark) {
            return current;
        }
        if (current != null && current.mark > mark) {
            Mark m = marks.get(mark);
            PhaseTrack earlier = m.phase == null ? null : track.phases.get(m.phase);
            return earlier != null && earlier.mark == mark ? earlier : null;
        }
        track.current = null;
        Mark m = marks.get(mark);
        if (m.phase == null || track.phases.containsKey(m.phase)) {
            return null;
        }
        PhaseTrack opened = new PhaseTrack(m.phase, m.t, mark, track.rule);
        track.phases.put(m.phase, opened);
        track.current = opened;
        return opened;
    }

    /** The index of the last phase mark at or before {@code t}; -1 before the first. */
    private int markAt(long t) {
        int lo = 0;
        int hi = marks.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (marks.get(mid).t <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Judges the phase's window as it stands: every bound, the steps it overlaps, changes. */
    private void judgeWindow(ProbeTrack track, PhaseTrack pt) {
        SampleWindow w = pt.window;
        ProbeRule rule = track.rule;
        pt.fullWindows++;
        for (int i = 0; i < rule.bounds().size(); i++) {
            Bound b = rule.bounds().get(i);
            double value = b.measure(w);
            if (Double.isNaN(value)) {
                continue; // a value bound with no value measured in the window: it is not judged
            }
            boolean holds = b.holds(value);
            pt.tallies[i].add(value, holds, w.endT());
            if (pt.phase.equals("during")) {
                for (FaultTrack f : faults.values()) {
                    if (f.overlaps(w.endT(), w.lengthMs())) {
                        f.probes.computeIfAbsent(rule.name(), p -> new FaultTrack.StepCounts(rule)).tallies[i]
                                .add(value, holds, w.endT());
                    }
                }
            }
            if (track.holding[i] == null || track.holding[i] != holds) {
                track.holding[i] = holds;
                listener.toleranceChanged(new ToleranceChanged(rule.name(), pt.phase, b.metric().name(), holds, value,
                        b.format(value), b.expected(), w.endT()));
            }
        }
    }

    /** The first full window of samples due since the last removal that meets every bound marks recovery. */
    private static void searchRecovery(ProbeTrack track, long t, boolean ok, double ms, double value) {
        SampleWindow w = track.recoveryWindow;
        if (w == null || track.recoveredFrom != null || t < track.recoverySince) {
            return;
        }
        w.add(t, ok, ms, value);
        if (w.startT() < track.recoverySince - track.rule.intervalMs()) {
            return;
        }
        for (Bound b : track.rule.bounds()) {
            if (!b.holds(b.measure(w))) {
                return;
            }
        }
        track.recoveredFrom = w.oldestT();
    }

    // ---- what the judge concludes ------------------------------------------------------------------

    /** Every abort condition as it stands now: its value over its current window against its bound. */
    public List<AbortNow> abortsNow() {
        return aborts.stream().map(AbortTrack::now).toList();
    }

    /** The window a probe's samples are in now (its current phase), or null before its first sample. */
    public SampleWindow window(String probe) {
        ProbeTrack track = probes.get(probe);
        return track == null || track.current == null ? null : track.current.window;
    }

    /**
     * Every bound of every probe, per judged phase, each fault step right after the method's phase: as
     * things stand (a phase still
     * open is judged on what it has; one with no full window, whole).
     */
    public List<Evidence> evidence() {
        List<Evidence> out = new ArrayList<>();
        for (ProbeTrack track : probes.values()) {
            for (String p : PHASES) {
                out.addAll(phaseEvidence(track, p));
                if (p.equals("during")) {
                    faults.values().forEach(f -> out.addAll(stepEvidence(track, f)));
                }
            }
        }
        return out;
    }

    /** The evidence of one judged phase (steps excluded). */
    public List<Evidence> evidence(String judgedPhase) {
        List<Evidence> out = new ArrayList<>();
        probes.values().forEach(track -> out.addAll(phaseEvidence(track, judgedPhase)));
        return out;
    }

    private List<Evidence> phaseEvidence(ProbeTrack track, String p) {
        ProbeRule rule = track.rule;
        PhaseTrack pt = track.phases.get(p);
        Tally[] tallies = pt == null ? null : pt.tallies;
        if (pt != null && pt.judgedWhole()) {
            tallies = whole(track, pt);
        }
        boolean checked = !p.equals("recovery") && rule.checks(p) && (rules.baseline() || !p.equals("before"));
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < rule.bounds().size(); i++) {
            out.add(evidence(rule, p, null, rule.bounds().get(i), tallies == null ? null : tallies[i],
                    pt == null ? 0 : pt.samples, pt == null ? 0 : pt.failures, checked));
        }
        return out;
    }

    /**
     * The tallies of a phase with no full window, judged as one window, computed when asked and never
     * kept: such a judgement neither shows as a tolerance change nor counts as recovery.
     */
    private static Tally[] whole(ProbeTrack track, PhaseTrack pt) {
        Tally[] copy = new Tally[pt.tallies.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = pt.tallies[i].copy();
            Bound b = copy[i].bound;
            double value = b.measure(pt.window);
            if (!Double.isNaN(value)) {
                copy[i].add(value, b.holds(value), pt.window.endT());
            }
        }
        return copy;
    }

    private List<Evidence> stepEvidence(ProbeTrack track, FaultTrack f) {
        ProbeRule rule = track.rule;
        FaultTrack.StepCounts counts = f.probes.get(rule.name());
        Tally[] tallies = counts == null ? null : counts.tallies;
        PhaseTrack during = track.phases.get("during");
        if (during != null && during.judgedWhole() && f.overlaps(during.window.endT(), rule.windowMs())) {
            tallies = whole(track, during);
        }
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < rule.bounds().size(); i++) {
            out.add(evidence(rule, "during", f.step, rule.bounds().get(i), tallies == null ? null : tallies[i],
                    counts == null ? 0 : counts.samples, counts == null ? 0 : counts.failures, rule.checks("during")));
        }
        return out;
    }

    private static Evidence evidence(ProbeRule rule, String phase, String step, Bound b, Tally tally, long samples,
            long failures, boolean checked) {
        if (tally == null || tally.windows == 0) {
            return new Evidence(rule.name(), phase, step, b.metric().name(), b.expected(), null, null,
                    checked ? Status.NO_DATA : Status.INFO, samples, failures, 0, 0, null);
        }
        Status status = !checked ? Status.INFO : tally.failing > 0 ? Status.FAIL : Status.PASS;
        return new Evidence(rule.name(), phase, step, b.metric().name(), b.expected(), tally.worst,
                b.format(tally.worst), status, samples, failures, tally.windows, tally.failing, tally.firstFailingT);
    }

    /** The first failing bound of a judged phase, in probe and bound order. */
    public Optional<Evidence> firstFailure(String judgedPhase) {
        return evidence(judgedPhase).stream().filter(e -> e.status() == Status.FAIL).findFirst();
    }

    /** How each fault step was detected, in injection order. */
    public List<Detection> detections() {
        List<Detection> out = new ArrayList<>();
        for (FaultTrack f : faults.values()) {
            out.add(f.detectedBy == null ? Detection.never(f.step)
                    : new Detection(f.step, f.detectedBy, f.detectedT - f.injectedT, f.detectedKnownT - f.injectedT));
        }
        return out;
    }

    /** When the last fault came off (epoch ms), or null while none has. */
    public Long lastRemovalT() {
        return faultsInPlace == 0 ? lastRemovalT : null;
    }

    /**
     * Milliseconds from the last fault removal until the steady state held again (every probe of
     * {@link Rules#recoveryProbes()} met every bound over a full window after it); null while not yet
     * (or when no fault was removed).
     */
    public Long recoveredAfterMs() {
        Long removal = lastRemovalT();
        if (removal == null) {
            return null;
        }
        long latest = removal;
        for (ProbeRule rule : rules.recoveryProbes()) {
            ProbeTrack track = probes.get(rule.name());
            if (track.recoveredFrom == null) {
                return null;
            }
            latest = Math.max(latest, track.recoveredFrom);
        }
        return latest - removal;
    }

    public long samples() {
        return samples;
    }

    public long failedSamples() {
        return failedSamples;
    }

    /** A phase beginning; {@code phase} is the judged phase, null for one that is not judged. */
    private record Mark(String phase, long t) {}

    /** {@code before} → before, {@code method} → during, {@code recovery}, {@code after}; others are not judged. */
    public static String judgedPhase(String runPhase) {
        return switch (runPhase == null ? "" : runPhase) {
            case "before" -> "before";
            case "method" -> "during";
            case "recovery" -> "recovery";
            case "after" -> "after";
            default -> null;
        };
    }
}
