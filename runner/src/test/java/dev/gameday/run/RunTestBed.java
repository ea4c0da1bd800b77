package dev.gameday.run;

import dev.gameday.cli.Gameday;
import dev.gameday.demo.DemoSystem;
import dev.gameday.fault.ToxiproxyClients;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalFile;
import dev.gameday.journal.JournalSchema;
import dev.gameday.journal.ProxyCreated;
import dev.gameday.journal.RunStarted;
import dev.gameday.journal.ToxicSpec;
import dev.gameday.proxy.EmbeddedToxiproxy;
import dev.gameday.testing.ChildJvm;
import dev.gameday.testing.OwnThread;
import dev.gameday.testing.Ports;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Real parts for run tests: the demo system (storefront + inventory) on its own Vert.x, and a
 * Toxiproxy-compatible server owned by the test (experiments point at it with {@code toxiproxy: URL},
 * so the test can look at what is left through its API, or kill it). The storefront reaches inventory
 * through {@link #inventoryProxy}, the listen address of the proxy the experiments create.
 */
public final class RunTestBed implements AutoCloseable {
    public static final String SECRET = "tok-" + UUID.randomUUID();

    final Vertx demoVertx = Vertx.vertx();
    final Vertx proxyVertx = Vertx.vertx();
    final String inventoryProxy;
    final DemoSystem demo;
    EmbeddedToxiproxy toxiproxy;

    public RunTestBed() throws Exception {
        inventoryProxy = "127.0.0.1:" + Ports.free();
        demo = await(DemoSystem.start(demoVertx, 0, 0, inventoryProxy));
        toxiproxy = await(EmbeddedToxiproxy.start(proxyVertx, "127.0.0.1", 0));
    }

    public ToxiproxyClient api() {
        return ToxiproxyClients.forUrl(URI.create(toxiproxy.url()));
    }

    List<String> proxyNames() throws IOException {
        return api().getProxies().stream().map(Proxy::getName).toList();
    }

    /** Variables every test experiment uses. */
    public Map<String, String> vars() {
        return Map.of(
                "storefront", "http://127.0.0.1:" + demo.storefrontPort(),
                "inventoryProxy", inventoryProxy,
                "inventoryUpstream", "127.0.0.1:" + demo.inventoryPort(),
                "toxiproxy", toxiproxy.url());
    }

    /**
     * An experiment against the storefront {@code variant} through this bed's Toxiproxy: one probe
     * every 100 ms with a 1 s window, 1 s of steady state before and after, then {@code method} and
     * {@code abort} (YAML blocks, or empty).
     */
    public static String experiment(String variant, String tolerance, String method, String abort) {
        return """
                version: 1
                title: Test experiment
                hypothesis: The storefront keeps answering.
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
                  before: 1s
                  after: 1s
                  probes:
                    - name: product-page
                      type: http
                      url: ${var.storefront}/products/42?variant=%s
                      headers:
                        Authorization: Bearer ${secret:DEMO_TOKEN}
                      timeout: 1s
                      expect:
                        status: [200]
                      interval: 100ms
                      check: continuously
                      tolerance:
                        window: 1s
                %s
                method:
                %s
                %s
                recovery:
                  within: 4s
                """.formatted(variant, tolerance.indent(8).stripTrailing(), method.indent(2).stripTrailing(),
                abort);
    }

    static final String RATIO_99 = "successRatio: \">= 99%\"";
    /** For runs whose verdict is not the point: a loaded machine's stray slow sample must not matter. */
    static final String RATIO_LENIENT = "successRatio: \">= 50%\"";

    /** A method step adding {@code latency} to inventory for {@code duration}. */
    public static String latencyStep(String name, String latency, String duration) {
        return """
                - name: %s
                  fault:
                    proxy: inventory
                    toxic: latency
                    attributes:
                      latency: %s
                    duration: %s
                """.formatted(name, latency, duration);
    }

    /** A method step stalling inventory (a timeout toxic that never closes) for a minute. */
    static final String STALL_60S = """
            - name: inventory-stalls
              fault:
                proxy: inventory
                toxic: timeout
                attributes:
                  timeout: 0ms
                duration: 60s
            """;

    /** Stops the run once half the product pages fail for a second. */
    static final String ABORT_WHEN_FAILING_1S = """
            abort:
              - name: storefront-failing
                probe: product-page
                when: "successRatio < 50%"
                for: 1s
            """;

    /** A method step taking inventory down for {@code duration}. */
    static String outageStep(String name, String duration) {
        return """
                - name: %s
                  fault:
                    proxy: inventory
                    toxic: down
                    duration: %s
                """.formatted(name, duration);
    }

    static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("experiment-" + UUID.randomUUID() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    RunResult run(Path file, Path out) throws Exception {
        return run(file, out, vars());
    }

    /** A run in this JVM; its journal, whatever the run did, is held to the journal's JSON Schema line by line. */
    static RunResult run(Path file, Path out, Map<String, String> vars) throws Exception {
        RunResult result = RunEngine.run(RunOptions.of(file, vars, Map.of("DEMO_TOKEN", SECRET), out,
                new PrintStream(PrintStream.nullOutputStream())));
        Path journal = result.runDir() == null ? null : result.runDir().resolve("journal.jsonl");
        if (journal != null && Files.exists(journal)) {
            List<String> problems = JournalSchema.problems(journal);
            if (problems.stream().anyMatch(p -> !p.matches("line \\d+ is .*"))) {
                throw new AssertionError(journal + " breaks journal.schema.json:\n" + String.join("\n", problems));
            }
        }
        return result;
    }

    /** Starts a run on another thread; returns once its first fault is in place (journaled). */
    CompletableFuture<RunResult> runUntilInjected(Path file, Path out) {
        return runUntilInjected(file, out, vars());
    }

    /** As above, with the experiment's variables {@code vars} (another test bed's system). */
    static CompletableFuture<RunResult> runUntilInjected(Path file, Path out, Map<String, String> vars) {
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return run(file, out, vars);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, OwnThread.EXECUTOR);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(out)
                && Files.list(out).findAny().isPresent() && Files.exists(runDir(out).resolve("journal.jsonl"))
                && journal(runDir(out)).first("fault.injected").isPresent());
        return run;
    }

    /**
     * What a run of id {@code runId} (its toxic prefix: the first 8 characters) killed mid-fault on
     * {@code host} leaves in {@code dir}: a journal that created the experiment's proxy on this bed's
     * server and injected {@code toxic} (a 400 ms latency) on it by step {@code step}, and no end.
     */
    void crashedJournal(Path dir, String runId, String host, String step, String toxic) throws IOException {
        Files.createDirectories(dir);
        try (Journal j = Journal.create(dir.resolve("journal.jsonl"), UnaryOperator.identity())) {
            j.append(new RunStarted(2, runId, "x.yaml", "0", null, "u", host, Map.of(),
                    new RunStarted.ToxiproxyInfo("remote", toxiproxy.url()), Map.of(), List.of(), false));
            j.append(new ProxyCreated("inventory", inventoryProxy, "127.0.0.1:" + demo.inventoryPort(), true));
            j.append(new FaultInjected(step, "inventory",
                    new ToxicSpec(toxic, "latency", "downstream", 1.0, Map.of("latency", 400L)), "400 ms latency"));
        }
    }

    /** The one run folder under {@code out}. */
    static Path runDir(Path out) throws IOException {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    static List<String> types(Path runDir) throws IOException {
        return JournalFile.read(runDir.resolve("journal.jsonl")).events().stream()
                .map(e -> e.path("type").asText())
                .filter(t -> !t.equals("sample") && !t.equals("tolerance"))
                .toList();
    }

    static JournalFile journal(Path runDir) {
        try {
            return JournalFile.read(runDir.resolve("journal.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code java <launcher> run FILE} in a child JVM against this bed (its vars, the secret in
     * its environment), output in {@code logs}/child.out and child.err.
     */
    public Process startGameday(List<String> launcher, Path file, Path out, Path logs) throws IOException {
        return startGameday(launcher, file, out, logs, List.of());
    }

    /** As above, with more options for {@code run} ({@code --replace-proxies}). */
    public Process startGameday(List<String> launcher, Path file, Path out, Path logs, List<String> options)
            throws IOException {
        return start(gamedayRun(launcher, file, out, options), logs);
    }

    /** The JVM options and main class of a {@code gameday} child JVM ({@link ChildJvm}), after {@code javaOptions}. */
    public static List<String> launcher(String... javaOptions) {
        return ChildJvm.launcher(List.of(javaOptions), Gameday.class.getName());
    }

    /** {@code java <launcher()> ARGS}: the whole command line of a {@code gameday} child JVM. */
    public static List<String> gameday(String... args) {
        return ChildJvm.command(Gameday.class.getName(), List.of(args));
    }

    /** The command line of {@code java <launcher> run FILE --out OUT --no-progress <options> --var …}. */
    public List<String> gamedayRun(List<String> launcher, Path file, Path out, List<String> options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcher);
        cmd.addAll(List.of("run", file.toString(), "--out", out.toString(), "--no-progress"));
        cmd.addAll(options);
        vars().forEach((k, v) -> cmd.addAll(List.of("--var", k + "=" + v)));
        return cmd;
    }

    /** Starts {@code cmd} with the secret in its environment, output in {@code logs}/child.out and child.err. */
    public static Process start(List<String> cmd, Path logs) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(logs.resolve("child.out").toFile())
                .redirectError(logs.resolve("child.err").toFile());
        pb.environment().put("DEMO_TOKEN", SECRET);
        return pb.start();
    }

    /**
     * Waits until {@code condition} holds while the child started by {@link #start} runs; fails at once,
     * with what the child printed to {@code logs}/child.err and child.out, if it ends first or the wait
     * times out, so a failure says why the child did not get there.
     */
    public static void awaitWhileRunning(Process child, Path logs, Duration atMost, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(atMost).until(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("the child ended early (exit " + child.exitValue() + "): " + childOutput(logs));
                }
                return condition.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the child printed: " + childOutput(logs), e);
        }
    }

    private static String childOutput(Path logs) {
        try {
            return Files.readString(logs.resolve("child.err")) + Files.readString(logs.resolve("child.out"));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    public static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (toxiproxy != null) {
            await(toxiproxy.close());
        }
        await(demo.close());
        await(proxyVertx.close());
        await(demoVertx.close());
    }

    /** A proxy's toxics; none once the run's teardown has deleted the proxy itself, between listing and asking. */
    public static List<? extends Toxic> toxicsOf(Proxy proxy) throws IOException {
        try {
            return proxy.toxics().getAll();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("[404]")) {
                return List.of();
            }
            throw e;
        }
    }
}
