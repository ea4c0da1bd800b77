package dev.gameday.report.bench;

import dev.gameday.replay.RecordedRun;
import dev.gameday.replay.Replay;
import dev.gameday.replay.ReplayOptions;
import dev.gameday.replay.Speed;
import dev.gameday.replay.VirtualClock;
import dev.gameday.report.Reports;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The hostile journal of issue 10: N samples (default 200,000) of one probe for one moment, after a
 * healthy start. Renders the reports, then loads and replays it (timed, 10x, on a clock that does not
 * wait), and prints the time of each, three rounds in one JVM (the first is what a CLI run sees).
 * Before the reader skipped such samples, the judge's window grew with each one and each insert moved
 * the whole window: quadratic. See BENCHMARKS.md for the command.
 */
public final class SameMomentBench {
    private SameMomentBench() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench-same-moment"));
        Path journal = dir.resolve("journal.jsonl");
        write(journal, samples);
        System.out.printf(Locale.ROOT, "journal: %s, %d samples for one moment, %.1f MB%n", journal, samples,
                Files.size(journal) / 1e6);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            Reports.writeRunReports(journal, dir);
            long reported = System.nanoTime();
            RecordedRun run = RecordedRun.load(journal);
            long loaded = System.nanoTime();
            Replay.plain(run, new ReplayOptions(Speed.times(10), null, null, null), new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(Writer.nullWriter()), new VirtualClock()).play();
            long replayed = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: report %.2f s, replay load + stops %.2f s, timed replay %.2f s%n",
                    round, (reported - start) / 1e9, (loaded - reported) / 1e9, (replayed - loaded) / 1e9);
        }
    }

    /** A healthy start (one probe sampled every 100 ms, a 300 ms window, a full window), then the samples. */
    private static void write(Path journal, int samples) throws IOException {
        long t0 = 1_795_000_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"run.started\",\"t\":" + t0 + ",\"seq\":0,\"v\":2,\"runId\":\"bench\",\"experiment\":"
                    + "{\"title\":\"Same moment\",\"steadyState\":{\"before\":400,\"after\":400,\"probes\":[{\"name\":\"p\","
                    + "\"interval\":100,\"timeout\":1000,\"tolerance\":{\"window\":300,\"successRatio\":{\"op\":\">=\","
                    + "\"ratio\":0.9},\"latency\":[{\"percentile\":95,\"op\":\"<=\",\"limit\":500}]}}]}},\"plan\":[]}\n");
            out.write("{\"type\":\"phase\",\"t\":" + (t0 + 20) + ",\"seq\":1,\"phase\":\"before\"}\n");
            long seq = 2;
            for (long t = 100; t <= 400; t += 100) {
                out.write("{\"type\":\"sample\",\"t\":" + (t0 + t) + ",\"seq\":" + seq++ + ",\"probe\":\"p\",\"ok\":true,"
                        + "\"ms\":20}\n");
            }
            for (int i = 0; i < samples; i++) {
                out.write("{\"type\":\"sample\",\"t\":" + (t0 + 400) + ",\"seq\":" + seq++ + ",\"probe\":\"p\",\"ok\":true,"
                        + "\"ms\":" + (i % 997) + "}\n");
            }
            out.write("{\"type\":\"run.ended\",\"t\":" + (t0 + 1000) + ",\"seq\":" + seq + ",\"exitCode\":0}\n");
        }
    }
}
