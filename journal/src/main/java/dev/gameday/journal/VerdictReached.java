package dev.gameday.journal;

import java.util.List;

/**
 * The verdict with the evidence it was decided on: every tolerance bound per probe and phase (and per
 * fault step), how each fault step was detected, the time to recover, and {@code caveats} — what the
 * verdict cannot vouch for (a fault path that could not be verified, a run without a baseline).
 */
public record VerdictReached(
        String verdict,
        String summary,
        List<Evidence> evidence,
        List<Detection> timeToDetect,
        Long timeToRecoverMs,
        List<String> caveats) implements JournalEvent {

    public VerdictReached {
        evidence = List.copyOf(evidence);
        timeToDetect = List.copyOf(timeToDetect);
        caveats = List.copyOf(caveats);
    }

    @Override
    public String type() {
        return "verdict";
    }
}
