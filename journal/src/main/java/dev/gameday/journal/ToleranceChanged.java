package dev.gameday.journal;

/**
 * A tolerance bound starts or stops holding: the first judged window of a probe, then every window
 * whose result differs from the one before. {@code windowEndT} is the slot time the window ends at
 * (the event's {@code t} is when the engine judged it); {@code phase} the judged phase it lies in.
 */
public record ToleranceChanged(
        String probe, String phase, String tolerance, boolean holds, double observed, String observedText,
        String expected, long windowEndT) implements JournalEvent {
    @Override
    public String type() {
        return "tolerance";
    }
}
