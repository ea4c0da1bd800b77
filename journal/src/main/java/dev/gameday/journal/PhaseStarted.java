package dev.gameday.journal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A phase begins: preflight, before, method, recovery, after, rollback, done. {@code plannedMs} is how
 * long the run means it to last (absent when it has no planned length), so a live view can show the time
 * left from the journal alone.
 */
public record PhaseStarted(String phase, @JsonInclude(JsonInclude.Include.NON_NULL) Long plannedMs) implements JournalEvent {
    public PhaseStarted(String phase) {
        this(phase, null);
    }

    @Override
    public String type() {
        return "phase";
    }
}
