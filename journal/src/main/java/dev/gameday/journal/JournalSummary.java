package dev.gameday.journal;

import java.util.List;

/**
 * What reading a journal found besides its events: whether the run ended ({@code run.ended}) or was
 * marked interrupted, and what was damaged — a truncated last line after a crash; lines skipped
 * because they are not events a reader can use ({@code skippedLines}); events placed at another time
 * than theirs ({@code movedLines}). {@code problems} names them line by line, in a reader's words
 * ({@code line 7: t is not a number; skipped}), the first {@value #MAX_LISTED} and then how many more.
 * {@code notes} are remarks that lost nothing (a byte-order mark that was ignored). A journal that did
 * not end, or lost or moved a line, is partial, and reports say so.
 */
public record JournalSummary(
        long events,
        boolean ended,
        boolean interrupted,
        boolean truncatedLastLine,
        long skippedLines,
        long movedLines,
        List<String> problems,
        List<String> notes) {

    public static final int MAX_LISTED = 20;

    public JournalSummary {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean partial() {
        return !ended || truncatedLastLine || damaged();
    }

    /** Whether a line was skipped or moved (a cut-off last line aside). */
    public boolean damaged() {
        return skippedLines > 0 || movedLines > 0;
    }

    /**
     * The damage in one sentence — {@code 3 damaged lines were skipped and 1 event was placed at another
     * time} — or null when there is none; {@link #problems} has the details.
     */
    public String damage() {
        if (!damaged()) {
            return null;
        }
        String skipped = skippedLines == 0 ? null : skippedLines == 1 ? "1 damaged line was skipped"
                : skippedLines + " damaged lines were skipped";
        String moved = movedLines == 0 ? null : movedLines == 1 ? "1 event was placed at another time than its own"
                : movedLines + " events were placed at other times than their own";
        return skipped == null ? moved : moved == null ? skipped : skipped + " and " + moved;
    }
}
