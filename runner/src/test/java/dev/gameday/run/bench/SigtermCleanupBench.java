package dev.gameday.run.bench;

import dev.gameday.demo.DemoSystem;
import dev.gameday.fault.ToxiproxyClients;
import dev.gameday.proxy.EmbeddedToxiproxy;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from SIGTERM to every toxic removed. Starts the demo system and a Toxiproxy-compatible server
 * in this JVM, then, {@code rounds} times: a child {@code java -jar gameday.jar run} injecting four
 * toxics at once, SIGTERM once they are all in place, and a tight poll of the server's API until none
 * is left. Prints every round and p50 / max.
 *
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; mvn -q -B -o -pl runner test-compile
 * java -cp runner/target/test-classes:runner/target/gameday.jar dev.gameday.run.bench.SigtermCleanupBench [rounds] [jar]
 * </pre>
 */
public final class SigtermCleanupBench {
    private static final String EXPERIMENT = """
            version: 1
            title: SIGTERM cleanup bench
            hypothesis: The storefront answers.
            vars:
              storefront: http://127.0.0.1:1
              inventoryProxy: 127.0.0.1:1
              inventoryUpstream: 127.0.0.1:1
              toxiproxy: http://127.0.0.1:1
            toxiproxy: ${var.toxiproxy}
            proxies:
              - name: inventory
                listen: ${var.inventoryProxy}
                upstream: ${var.inventoryUpstream}
            steadyState:
              before: 500ms
              after: 500ms
              probes:
                - name: page
                  type: http
                  url: ${var.storefront}/health
                  timeout: 2s
                  interval: 100ms
                  tolerance:
                    window: 500ms
                    successRatio: ">= 50%"
            method:
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
        Vertx demoVertx = Vertx.vertx();
        Vertx proxyVertx = Vertx.vertx();
        String inventoryProxy = "127.0.0.1:" + freePort();
        DemoSystem demo = DemoSystem.start(demoVertx, 0, 0, inventoryProxy).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        EmbeddedToxiproxy server = EmbeddedToxiproxy.start(proxyVertx, "127.0.0.1", 0).toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        ToxiproxyClient api = ToxiproxyClients.forUrl(URI.create(server.url()));
        Path work = Files.createTempDirectory("gameday-bench");
        Path file = work.resolve("bench.yaml");
        Files.writeString(file, EXPERIMENT);
        List<Double> millis = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "run", file.toString(), "--out", work.resolve("runs").toString(),
                    "--no-progress",
                    "--var", "storefront=http://127.0.0.1:" + demo.storefrontPort(),
                    "--var", "inventoryProxy=" + inventoryProxy,
                    "--var", "inventoryUpstream=127.0.0.1:" + demo.inventoryPort(),
                    "--var", "toxiproxy=" + server.url())
                    .redirectOutput(work.resolve("child.out").toFile())
                    .redirectError(work.resolve("child.err").toFile())
                    .start();
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
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "SIGTERM -> all toxics removed over %d rounds: p50 %.1f ms, max %.1f ms%n",
                rounds, sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        demo.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        proxyVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        demoVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
