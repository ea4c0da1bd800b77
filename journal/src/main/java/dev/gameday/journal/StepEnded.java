package dev.gameday.journal;

/** A method step ends, also when an abort cuts it short. */
public record StepEnded(String step) implements JournalEvent {
    @Override
    public String type() {
        return "step.ended";
    }
}
