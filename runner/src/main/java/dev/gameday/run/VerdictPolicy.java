package dev.gameday.run;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.journal.PathChecked;
import dev.gameday.judge.Sentences;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of a run that went to its end, from the judge's evidence alone (docs/run.md, "What the
 * verdict means"). In order: a fault whose proxy carried no traffic makes the run inconclusive (it did
 * not test what it claims); a tolerance that failed during the method or after recovery, or a recovery
 * slower than its bound, refutes; a checked phase without samples is inconclusive; otherwise held —
 * with caveats for what could not be verified. Pure.
 */
final class VerdictPolicy {
    private VerdictPolicy() {}

    record Decision(Verdict verdict, String summary, List<String> caveats) {}

    /** What the steady state did before any fault: null when it held (or there is no baseline to judge). */
    static Decision baseline(List<Evidence> before, boolean baseline) {
        if (!baseline) {
            return null;
        }
        Optional<Evidence> failed = before.stream().filter(e -> e.status() == Status.FAIL).findFirst();
        if (failed.isPresent()) {
            return new Decision(Verdict.INCONCLUSIVE, "Inconclusive: the steady state did not hold before any fault ("
                    + Sentences.observation(failed.get()) + "), so no fault was injected.", List.of());
        }
        Optional<Evidence> empty = before.stream().filter(e -> e.status() == Status.NO_DATA).findFirst();
        if (empty.isPresent()) {
            return new Decision(Verdict.INCONCLUSIVE, "Inconclusive: probe " + empty.get().probe()
                    + " has no sample before any fault, so no fault was injected.", List.of());
        }
        return null;
    }

    static Decision completed(List<Evidence> evidence, List<PathChecked> paths, Long recoveredAfterMs, Long withinMs,
            boolean faultsRemoved, boolean baseline) {
        List<String> caveats = caveats(paths, baseline);
        Optional<PathChecked> unused = paths.stream().filter(p -> Boolean.FALSE.equals(p.carried())).findFirst();
        if (unused.isPresent()) {
            PathChecked p = unused.get();
            return new Decision(Verdict.INCONCLUSIVE, "Inconclusive: fault " + p.step() + " on proxy " + p.proxy()
                    + " carried no traffic " + p.basis() + ": the system under test does not use this proxy, so the "
                    + "run did not test the hypothesis.", caveats);
        }
        Optional<Evidence> failed = phaseLevel(evidence, "during", Status.FAIL)
                .or(() -> phaseLevel(evidence, "after", Status.FAIL));
        if (failed.isPresent()) {
            return new Decision(Verdict.REFUTED, "The hypothesis was refuted: " + Sentences.observation(failed.get())
                    + ".", caveats);
        }
        boolean recoveryOk = !faultsRemoved || recoveredAfterMs != null && (withinMs == null || recoveredAfterMs <= withinMs);
        if (!recoveryOk) {
            return new Decision(Verdict.REFUTED, "The hypothesis was refuted: the steady state "
                    + (recoveredAfterMs == null ? "did not recover" : "recovered only after "
                            + Units.duration(recoveredAfterMs))
                    + (withinMs == null ? "" : ", expected within " + Units.duration(withinMs)) + ".", caveats);
        }
        Optional<Evidence> empty = phaseLevel(evidence, "during", Status.NO_DATA)
                .or(() -> phaseLevel(evidence, "after", Status.NO_DATA));
        if (empty.isPresent()) {
            return new Decision(Verdict.INCONCLUSIVE, "Inconclusive: " + Sentences.observation(empty.get())
                    + ", so that part of the hypothesis was not tested.", caveats);
        }
        String recovered = recoveredAfterMs == null ? "" : ", and the steady state was back "
                + Units.duration(recoveredAfterMs) + " after the last fault was removed";
        return new Decision(Verdict.HELD, "The hypothesis held: every tolerance was met "
                + (baseline ? "before, " : "") + "during and after the faults" + recovered + "."
                + (caveats.isEmpty() ? "" : " Caveat: " + String.join("; ", caveats) + "."), caveats);
    }

    /** What the verdict cannot vouch for. */
    static List<String> caveats(List<PathChecked> paths, boolean baseline) {
        List<String> caveats = new ArrayList<>();
        for (PathChecked p : paths) {
            if (p.carried() == null) {
                caveats.add("the path of fault " + p.step() + " on proxy " + p.proxy() + " was not verified ("
                        + p.note().replaceFirst("^not verified: ", "") + ")");
            }
        }
        if (!baseline) {
            caveats.add("no baseline (steadyState.baseline: skip), so nothing shows the system was steady before "
                    + "the faults");
        }
        return caveats;
    }

    private static Optional<Evidence> phaseLevel(List<Evidence> evidence, String phase, Status status) {
        return evidence.stream().filter(e -> e.step() == null && e.phase().equals(phase) && e.status() == status)
                .findFirst();
    }
}
