package dev.gameday.journal;

/** A ramp moved an attribute of a toxic; {@code toxic} carries the new attributes. */
public record FaultUpdated(String step, String proxy, ToxicSpec toxic) implements JournalEvent {
    @Override
    public String type() {
        return "fault.updated";
    }
}
