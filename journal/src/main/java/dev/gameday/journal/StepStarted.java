package dev.gameday.journal;

/** A method step begins; {@code parent} is the enclosing parallel step or null. */
public record StepStarted(String step, String kind, String parent) implements JournalEvent {
    @Override
    public String type() {
        return "step.started";
    }
}
