package dev.gameday.report.experiment;

/**
 * One step of the method's timeline: {@code startMs} from the start of the {@code method} phase.
 * {@code proxy} and {@code toxic} (the toxic type, or {@code down}) are null for pauses and parallel
 * blocks; {@code depth} is how many parallel blocks enclose the step.
 */
public record PlannedStep(
        String step, String kind, String parent, long startMs, long durationMs, String proxy, String toxic, int depth) {

    public long endMs() {
        return startMs + durationMs;
    }

    public boolean isFault() {
        return "fault".equals(kind);
    }
}
