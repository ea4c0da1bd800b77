package dev.gameday.journal;

/** A tolerance starts or stops holding in a phase. */
public record ToleranceChanged(
        String probe, String phase, String tolerance, boolean holds, double observed, String expected)
        implements JournalEvent {
    @Override
    public String type() {
        return "tolerance";
    }
}
