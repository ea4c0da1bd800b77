package dev.gameday.journal.bench;

import dev.gameday.journal.FaultInjecting;
import dev.gameday.journal.Journal;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.ToxicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What write-ahead costs: the time of one {@link Journal#appendDurably} (write + fsync, what each
 * change on Toxiproxy now waits for) against one plain {@link Journal#append} (a sample), in a
 * journal in {@code dir} (default: a temporary folder). Prints p50 / p99 / max of each.
 *
 * <pre>
 * mvn -q -B -pl journal test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp journal/target/classes:journal/target/test-classes:$(cat journal/target/cp.txt) \
 *   dev.gameday.journal.bench.IntentFsyncBench [rounds] [dir]
 * </pre>
 */
public final class IntentFsyncBench {
    private IntentFsyncBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("gameday-intent-bench");
        Path file = Files.createTempFile(dir, "journal", ".jsonl");
        Files.delete(file);
        long[] durable = new long[rounds];
        long[] plain = new long[rounds];
        ToxicSpec toxic = new ToxicSpec("gd-12345678-slow", "latency", "downstream", 1.0, Map.of("latency", 400L));
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                j.appendDurably(new FaultInjecting("slow", "inventory", toxic, null));
                long t1 = System.nanoTime();
                j.append(new SampleTaken(t1 / 1_000_000, "page", true, 12.5, 200, null));
                long t2 = System.nanoTime();
                durable[i] = t1 - t0;
                plain[i] = t2 - t1;
            }
        }
        System.out.println(line("appendDurably (intent: write + fsync)", durable));
        System.out.println(line("append (sample: write only)", plain));
        Files.deleteIfExists(file);
    }

    private static String line(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%-40s over %d: p50 %.3f ms, p99 %.3f ms, max %.3f ms", what, s.length,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}
