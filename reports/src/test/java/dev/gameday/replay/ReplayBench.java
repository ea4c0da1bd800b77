package dev.gameday.replay;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How long replay takes to load a long journal, compute its stops and play it: a one-hour run with
 * three probes sampled 10 times a second (108,000 samples) and a fault every 5 minutes, written per
 * docs/journal.md. Prints one result line per measurement (best of five).
 *
 * <p>Run: see BENCHMARKS.md, "Replay".
 */
public final class ReplayBench {
    private static final long HOUR_MS = 3_600_000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("replay-bench");
        Path journal = longRun().write(dir);
        System.out.printf(Locale.ROOT, "journal: %,d bytes, %,d lines%n", Files.size(journal),
                Files.readAllLines(journal).size());
        long bestLoad = Long.MAX_VALUE;
        long bestStep = Long.MAX_VALUE;
        long bestTimed = Long.MAX_VALUE;
        RecordedRun run = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            run = RecordedRun.load(dir);
            long t1 = System.nanoTime();
            play(run, Speed.STEP, "\n".repeat(run.stops().size()));
            long t2 = System.nanoTime();
            play(run, Speed.times(1_000_000), "");
            long t3 = System.nanoTime();
            bestLoad = Math.min(bestLoad, t1 - t0);
            bestStep = Math.min(bestStep, t2 - t1);
            bestTimed = Math.min(bestTimed, t3 - t2);
        }
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "load + stops (%d stops): %d ms%n", run.stops().size(), bestLoad / 1_000_000);
        System.out.printf(Locale.ROOT, "step replay, every stop, plain output: %d ms%n", bestStep / 1_000_000);
        System.out.printf(Locale.ROOT, "timed replay at 1000000x, plain output: %d ms%n", bestTimed / 1_000_000);
        System.out.printf(Locale.ROOT, "heap in use with the run loaded: %d MB%n", heap / 1_048_576);
        if (run.entries().isEmpty()) {
            throw new IllegalStateException("nothing loaded");
        }
    }

    private static void play(RecordedRun run, Speed speed, String input) throws IOException, InterruptedException {
        PrintWriter nowhere = new PrintWriter(new BufferedWriter(Writer.nullWriter()));
        Replay.plain(run, new ReplayOptions(speed, null, null, null), new ByteArrayInputStream(input.getBytes()),
                nowhere, new VirtualClock()).play();
    }

    private static JournalFixture longRun() {
        JournalFixture j = new JournalFixture()
                .event(0, "run.started", "v", 1, "runId", "bench", "experiment", JournalFixture.experiment())
                .event(10, "phase", "phase", "method");
        for (long t = 60_000; t < HOUR_MS; t += 300_000) {
            j.event(t, "step.started", "step", "slow-inventory", "kind", "fault", "parent", null)
                    .event(t + 1, "fault.injected", "step", "slow-inventory", "proxy", "inventory", "toxic",
                            JournalFixture.obj("name", "slow-inventory", "type", "latency", "stream", "downstream",
                                    "toxicity", 1.0, "attributes", JournalFixture.obj("latency", 400)))
                    .event(t + 60_000, "fault.removed", "step", "slow-inventory", "proxy", "inventory",
                            "toxicName", "slow-inventory", "reason", "completed")
                    .event(t + 60_001, "step.ended", "step", "slow-inventory");
        }
        for (long t = 100; t < HOUR_MS; t += 100) {
            boolean failing = t % 300_000 > 90_000 && t % 300_000 < 95_000;
            j.sample(t, "product-page", !failing, 20 + t % 7)
                    .sample(t, "checkout", true, 30 + t % 11)
                    .sample(t, "search", true, 12 + t % 5);
        }
        return j.event(HOUR_MS, "verdict", "verdict", "refuted", "summary", "Pages failed.")
                .event(HOUR_MS + 1, "run.ended", "exitCode", 1, "verdict", "refuted");
    }
}
