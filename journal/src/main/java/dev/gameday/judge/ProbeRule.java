package dev.gameday.judge;

import java.util.List;
import java.util.Set;

/**
 * What the judge needs of one steady-state probe: its name, sampling interval and timeout, the phases
 * its tolerance is part of the hypothesis in ({@code before}, {@code during}, {@code after}), the
 * tolerance window and its bounds (the success ratio first, then latency percentiles in file order, then
 * the value bound).
 */
public record ProbeRule(String name, long intervalMs, long timeoutMs, Set<String> checked, long windowMs,
        List<Bound> bounds) {

    public ProbeRule {
        checked = Set.copyOf(checked);
        bounds = List.copyOf(bounds);
    }

    /** Whether the tolerance counts towards the verdict in this judged phase. */
    public boolean checks(String phase) {
        return checked.contains(phase);
    }

    /**
     * A sample worth detecting a fault by: it failed, it was slower than the tightest latency limit of
     * the tolerance, or the value it measured ({@code value}, NaN when none) misses the value bound.
     */
    public boolean failing(boolean ok, double ms, double value) {
        if (!ok) {
            return true;
        }
        for (Bound b : bounds) {
            if (b.metric().isLatency() && !b.lowerIsWorse() && ms > b.threshold()
                    || b.metric().isValue() && !Double.isNaN(value) && !b.holds(value)) {
                return true;
            }
        }
        return false;
    }
}
