package dev.gameday.journal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A child JVM's main for {@link JournalFileSizeLimitTest}: appends samples as fast as it can, so that the
 * writer takes them in batches, until the file size limit it runs under fails a write; prints the lines
 * the journal's failure says are on file.
 */
public final class FillPastTheLimit {
    private FillPastTheLimit() {}

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.create(Path.of(args[0]), UnaryOperator.identity())) {
            for (int i = 0; i < 20_000 && journal.failure().isEmpty(); i++) {
                journal.append(new SampleTaken(i, "page", true, 12.5, 200, null));
            }
            try {
                journal.appendDurably(new PhaseStarted("after")); // returns once the writer has got this far
            } catch (java.io.IOException expected) {
                // the failure, reported below
            }
            System.out.println("linesWritten=" + journal.failure().map(Journal.Failure::linesWritten).orElse(-1L));
        }
    }
}
