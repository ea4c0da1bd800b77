package dev.gameday.journal.bench;

import dev.gameday.journal.Journal;
import dev.gameday.journal.SampleTaken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What journaling a sample costs the thread that appends it (the run's event loop) and how fast the
 * journal's writer gets the lines on disk: {@code ROUNDS} rounds of {@code LINES} sample lines, the
 * median of each figure. Run: {@code mvn -q -B -pl journal test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.gameday.journal.bench.JournalAppendBench -Dexec.skip=false}
 */
public final class JournalAppendBench {
    private static final int LINES = 200_000;
    private static final int ROUNDS = 5;

    private JournalAppendBench() {}

    public static void main(String[] args) throws Exception {
        double[] appendNs = new double[ROUNDS];
        double[] totalMs = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            Path dir = Files.createTempDirectory("journal-bench");
            Path file = dir.resolve("journal.jsonl");
            long start = System.nanoTime();
            long appending;
            try (Journal j = Journal.create(file, UnaryOperator.identity())) {
                for (int i = 0; i < LINES; i++) {
                    j.append(new SampleTaken(1_700_000_000_000L + i, "product-page", i % 50 != 0, 12.5 + i % 7, 200,
                            null));
                }
                appending = System.nanoTime() - start;
            }
            long total = System.nanoTime() - start;
            appendNs[r] = (double) appending / LINES;
            totalMs[r] = total / 1e6;
            Files.delete(file);
            Files.delete(dir);
        }
        java.util.Arrays.sort(appendNs);
        java.util.Arrays.sort(totalMs);
        System.out.printf(Locale.ROOT, "%d sample lines: append %.0f ns each on the caller (median of %d), "
                + "all on disk after %.0f ms (%.0f lines/s)%n", LINES, appendNs[ROUNDS / 2], ROUNDS,
                totalMs[ROUNDS / 2], LINES / (totalMs[ROUNDS / 2] / 1000));
    }
}
