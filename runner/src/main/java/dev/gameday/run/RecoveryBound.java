package dev.gameday.run;

import dev.gameday.experiment.Experiment;
import java.time.Duration;

/**
 * How long the recovery phase may last and what counts as recovered. The phase is measured from the
 * last fault's removal and capped at {@code recovery.within} plus the longest tolerance window (a
 * window needs that long to fill with samples taken after the removal), or at 30 s without a bound.
 * Recovered means a full window met every tolerance, within the bound when there is one.
 */
record RecoveryBound(Long withinMs, long capMs) {
    /** The cap of the recovery phase when the experiment gives no {@code recovery.within}. */
    static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    static RecoveryBound of(Experiment e) {
        Long within = e.recovery() == null ? null : e.recovery().within().toMillis();
        long longestWindow = e.steadyState().probes().stream().mapToLong(p -> p.tolerance().window().toMillis())
                .max().orElse(0);
        return new RecoveryBound(within, within == null ? DEFAULT_CAP.toMillis() : within + longestWindow);
    }

    /** Whether the run recovered as it must: nothing to recover from, or in time. */
    boolean met(boolean faultRemoved, Long recoveredAfterMs) {
        return !faultRemoved || recoveredAfterMs != null && (withinMs == null || recoveredAfterMs <= withinMs);
    }
}
