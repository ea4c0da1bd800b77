package dev.gameday.plan;

import dev.gameday.run.Verdict;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How a plan's verdict follows from its experiments' (each the judge's): the worst of them, from best
 * to worst held, inconclusive, refuted, aborted, error. A plan with no run is an error.
 */
public final class PlanVerdicts {
    private static final List<Verdict> BEST_TO_WORST = List.of(Verdict.HELD, Verdict.INCONCLUSIVE, Verdict.REFUTED,
            Verdict.ABORTED, Verdict.ERROR);

    private PlanVerdicts() {}

    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().max(Comparator.comparingInt(BEST_TO_WORST::indexOf)).orElse(Verdict.ERROR);
    }

    /** Whether {@code v} stops a plan whose policy is {@link StopPolicy#FIRST_FAILURE}. */
    static boolean stops(Verdict v) {
        return v != Verdict.HELD;
    }
}
