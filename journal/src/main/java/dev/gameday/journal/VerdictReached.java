package dev.gameday.journal;

import java.util.List;

/** The verdict with its evidence, time to detect per fault step and time to recover. */
public record VerdictReached(
        String verdict,
        String summary,
        List<Evidence> evidence,
        List<TimeToDetect> timeToDetect,
        Long timeToRecoverMs) implements JournalEvent {

    public VerdictReached {
        evidence = List.copyOf(evidence);
        timeToDetect = List.copyOf(timeToDetect);
    }

    @Override
    public String type() {
        return "verdict";
    }

    /** One tolerance in one phase: the worst value observed against the bound. */
    public record Evidence(String probe, String phase, String tolerance, String expected, String observed, boolean ok) {}

    /** Milliseconds from a fault step's start to the first failing sample; null when never detected. */
    public record TimeToDetect(String step, Long ms) {}
}
