package dev.gameday.journal;

import java.util.List;

/**
 * What reading a journal found besides its events: whether the run ended ({@code run.ended}) or was
 * marked interrupted, and what was damaged (a truncated last line after a crash, lines that are not
 * JSON). A journal that did not end is partial and reports say so.
 */
public record JournalSummary(
        long events, boolean ended, boolean interrupted, boolean truncatedLastLine, List<String> problems) {

    public JournalSummary {
        problems = List.copyOf(problems);
    }

    public boolean partial() {
        return !ended || truncatedLastLine || !problems.isEmpty();
    }
}
