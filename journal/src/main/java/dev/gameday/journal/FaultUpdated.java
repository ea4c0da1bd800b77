package dev.gameday.journal;

/** A ramp moved an attribute of a toxic; {@code toxic} carries the new attributes, {@code words} say them. */
public record FaultUpdated(String step, String proxy, ToxicSpec toxic, String words) implements JournalEvent {
    @Override
    public String type() {
        return "fault.updated";
    }
}
