package dev.gameday.judge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault step as the journal saw it: in place from {@code injectedT} until {@code removedT} (null
 * while in place), its first failing sample, and per probe the tallies of the method's windows that
 * overlap it.
 */
final class FaultTrack {
    final String step;
    final String proxy;
    final long injectedT;
    Long removedT;
    String detectedBy;
    long detectedT = Long.MAX_VALUE;
    long detectedKnownT;
    final Map<String, StepCounts> probes = new LinkedHashMap<>();

    FaultTrack(String step, String proxy, long injectedT) {
        this.step = step;
        this.proxy = proxy;
        this.injectedT = injectedT;
    }

    /**
     * A failing sample sent while the fault was in place: the earliest sent detects the fault (then the
     * earliest known, then the probe name, so that arrival order never decides).
     */
    void detected(String probe, long sentT, long knownT) {
        boolean earlier = sentT < detectedT || sentT == detectedT
                && (knownT < detectedKnownT || knownT == detectedKnownT && probe.compareTo(detectedBy) < 0);
        if (earlier) {
            detectedT = sentT;
            detectedKnownT = knownT;
            detectedBy = probe;
        }
    }

    /** Whether a sample due at {@code t} was sent while the fault was in place. */
    boolean inPlaceAt(long t) {
        return t >= injectedT && (removedT == null || t < removedT);
    }

    /** Whether the window {@code (endT - length, endT]} overlaps the fault. */
    boolean overlaps(long endT, long lengthMs) {
        return endT >= injectedT && (removedT == null || endT - lengthMs < removedT);
    }

    /** A probe's samples and window tallies during this step. */
    static final class StepCounts {
        final Tally[] tallies;
        long samples;
        long failures;

        StepCounts(ProbeRule rule) {
            tallies = new Tally[rule.bounds().size()];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = new Tally(rule.bounds().get(i));
            }
        }
    }
}
