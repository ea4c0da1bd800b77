package dev.gameday.journal;

/** An abort condition tripped. */
public record AbortTripped(String condition, String probe, double observed, String expected, String message)
        implements JournalEvent {
    @Override
    public String type() {
        return "abort";
    }
}
