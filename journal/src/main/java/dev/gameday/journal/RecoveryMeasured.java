package dev.gameday.journal;

/** End of the recovery phase: how long after fault removal the steady state held again. */
public record RecoveryMeasured(Long recoveredAfterMs, Long withinMs, boolean ok) implements JournalEvent {
    @Override
    public String type() {
        return "recovery";
    }
}
