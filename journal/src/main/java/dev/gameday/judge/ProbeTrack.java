package dev.gameday.judge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One probe through the run: its judged phases in order (the last one is where its samples go now),
 * whether each bound held at its last window, and the search for its recovery after the last fault —
 * over windows of the samples due since the removal, which may span the method's end and recovery.
 */
final class ProbeTrack {
    final ProbeRule rule;
    final Map<String, PhaseTrack> phases = new LinkedHashMap<>();
    final Boolean[] holding;
    PhaseTrack current;
    /** Recovery is searched from this instant (the last removal) while no fault is in place. */
    Long recoverySince;
    /** The samples due since {@link #recoverySince}, whatever their phase. */
    SampleWindow recoveryWindow;
    /** The first sample of the first full window after {@link #recoverySince} that met every bound. */
    Long recoveredFrom;

    ProbeTrack(ProbeRule rule) {
        this.rule = rule;
        this.holding = new Boolean[rule.bounds().size()];
    }
}
