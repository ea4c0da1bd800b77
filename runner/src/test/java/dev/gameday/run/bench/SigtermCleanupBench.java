package dev.gameday.run.bench;

import dev.gameday.run.RunTestBed;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from SIGTERM to every toxic removed. Starts the demo system and a Toxiproxy-compatible server
 * in this JVM ({@link RunTestBed}), then, {@code rounds} times: a child {@code java -jar gameday.jar
 * run} injecting four toxics at once, SIGTERM once they are all in place, and a tight poll of the
 * server's API until none is left. Prints every round and p50 / max.
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * java -cp runner/target/test-classes:runner/target/gameday.jar dev.gameday.run.bench.SigtermCleanupBench [rounds] [jar]
 * </pre>
 */
public final class SigtermCleanupBench {
    private static final String FOUR_TOXICS = """
            - name: all-at-once
              parallel:
                - name: slow
                  fault: { proxy: inventory, toxic: latency, attributes: { latency: 50ms }, duration: 120s }
                - name: narrow
                  fault: { proxy: inventory, toxic: bandwidth, attributes: { rate: 1000 }, duration: 120s }
                - name: sliced
                  fault: { proxy: inventory, toxic: slicer, attributes: { average_size: 512 }, duration: 120s }
                - name: lingering
                  fault: { proxy: inventory, toxic: slow_close, attributes: { delay: 10ms }, duration: 120s }
            """;
    private static final int TOXICS = 4;

    private SigtermCleanupBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path jar = Path.of(args.length > 1 ? args[1] : "runner/target/gameday.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("gameday-bench");
        Path file = work.resolve("bench.yaml");
        Files.writeString(file, RunTestBed.experiment("resilient", "successRatio: \">= 50%\"", FOUR_TOXICS, ""));
        List<Double> millis = new ArrayList<>();
        try (RunTestBed bed = new RunTestBed()) {
            ToxiproxyClient api = bed.api();
            for (int round = 1; round <= rounds; round++) {
                Process child = bed.startGameday(List.of("-jar", jar.toString()), file, work.resolve("runs"), work);
                long deadline = System.currentTimeMillis() + 60_000;
                while (toxics(api) < TOXICS) {
                    if (!child.isAlive() || System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("round " + round + ": toxics never all in place; see " + work);
                    }
                    Thread.sleep(5); // a bench polling a real server, not a test waiting on a condition
                }
                long t0 = System.nanoTime();
                child.destroy();
                while (toxics(api) > 0) {
                    Thread.onSpinWait();
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                millis.add(ms);
                child.waitFor(30, TimeUnit.SECONDS);
                System.out.printf(Locale.ROOT, "round %2d: all %d toxics removed %.1f ms after SIGTERM (exit %d)%n",
                        round, TOXICS, ms, child.exitValue());
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "SIGTERM -> all toxics removed over %d rounds: p50 %.1f ms, max %.1f ms%n",
                rounds, sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
    }

    /** Toxics on the bench proxy now (0 once the proxy itself is gone, deleted by the cleanup). */
    private static int toxics(ToxiproxyClient api) throws IOException {
        for (Proxy p : api.getProxies()) {
            if (p.getName().equals("inventory")) {
                try {
                    return p.toxics().getAll().size();
                } catch (IOException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("[404]")) {
                        return 0;
                    }
                    throw e;
                }
            }
        }
        return 0;
    }
}
