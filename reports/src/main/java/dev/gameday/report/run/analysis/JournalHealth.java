package dev.gameday.report.run.analysis;

import dev.gameday.journal.JournalSummary;
import java.util.List;

/**
 * What reading the journal found ({@code summary}: damaged lines, whether it ended), and
 * {@code missing}: what the report cannot show, in a reader's words; empty for a whole journal.
 */
public record JournalHealth(JournalSummary summary, List<String> missing) {
    public JournalHealth {
        missing = List.copyOf(missing);
    }
}
