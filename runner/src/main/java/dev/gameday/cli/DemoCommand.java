package dev.gameday.cli;

import dev.gameday.demo.DemoSystem;
import dev.gameday.run.RunEngine;
import dev.gameday.run.RunOptions;
import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gameday demo}: the demo system in-process, and the bundled experiments run against it; with
 * {@code --serve}, only the demo system, until Ctrl-C (to run experiments against it by hand).
 */
@Command(
        name = "demo",
        header = "Run the bundled experiments against the demo system.",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the demo system (a storefront and its inventory service, on free",
            "ports of 127.0.0.1) and runs the bundled experiments against it through the",
            "embedded proxy, one after the other: a slow inventory the resilient",
            "storefront survives (held), an inventory outage the fragile storefront does",
            "not survive (refuted), and a stalled inventory that trips an abort condition",
            "(aborted). Prints a table of verdicts and run folders; takes about a minute.",
            "With --serve: only runs the demo system until Ctrl-C. See docs/demo.md.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday demo",
            "  gameday demo --out target/demo-runs --no-progress",
            "  gameday demo --serve        # storefront :8080, inventory :8081, via 127.0.0.1:8666",
            "",
            "Exit codes: 0 every experiment got the verdict it was designed for (or --serve",
            "  stopped by Ctrl-C or SIGTERM), 1 one did not, 3 bad port or address (--serve),",
            "  130 / 143 the experiments interrupted by Ctrl-C / SIGTERM (faults removed).",
        })
final class DemoCommand implements Callable<Integer> {
    /** The bundled experiments, in order, with the verdict each is designed to reach. */
    static final List<DemoExperiment> EXPERIMENTS = List.of(
            new DemoExperiment("storefront-survives-slow-inventory.yaml", Verdict.HELD),
            new DemoExperiment("fragile-storefront-inventory-outage.yaml", Verdict.REFUTED),
            new DemoExperiment("fragile-storefront-inventory-timeout-aborts.yaml", Verdict.ABORTED));

    record DemoExperiment(String file, Verdict designedFor) {}

    @CommandLine.Mixin
    RunOutputOptions output = new RunOutputOptions();

    @Option(names = "--serve", description = "Only run the demo system, until Ctrl-C.")
    boolean serve;

    @Option(names = "--storefront-port", defaultValue = "8080",
            description = "With --serve: storefront port (default: ${DEFAULT-VALUE}).")
    int storefrontPort;

    @Option(names = "--inventory-port", defaultValue = "8081",
            description = "With --serve: inventory port (default: ${DEFAULT-VALUE}).")
    int inventoryPort;

    @Option(names = "--inventory-address", defaultValue = "127.0.0.1:8666",
            description = "With --serve: host:port the storefront calls inventory at, the proxy's listen"
                    + " address (default: ${DEFAULT-VALUE}).")
    String inventoryAddress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return serve ? serve() : runExperiments();
    }

    private int runExperiments() throws Exception {
        output.quietNetworkLogs();
        PrintStream stdout = System.out;
        // Beside the runs, and kept: every journal and report names an experiment file that exists.
        Path experiments = Files.createDirectories(output.out.resolve("demo-experiments"));
        Vertx vertx = Vertx.vertx();
        try {
            String proxyAddress = "127.0.0.1:" + freePort();
            DemoSystem demo = DemoSystem.start(vertx, 0, 0, proxyAddress).await(30, TimeUnit.SECONDS);
            Map<String, String> vars = Map.of(
                    "storefront", "http://127.0.0.1:" + demo.storefrontPort(),
                    "inventoryProxy", proxyAddress,
                    "inventoryUpstream", "127.0.0.1:" + demo.inventoryPort());
            Map<String, String> env = new HashMap<>(System.getenv());
            byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            env.put("DEMO_TOKEN", HexFormat.of().formatHex(token));
            stdout.println("Demo system: storefront " + vars.get("storefront") + ", inventory 127.0.0.1:"
                    + demo.inventoryPort() + " (reached through the proxy at " + proxyAddress + ")");
            List<String> rows = new ArrayList<>();
            boolean asDesigned = true;
            for (DemoExperiment x : EXPERIMENTS) {
                Path file = extract(x.file(), experiments);
                stdout.println();
                stdout.println("=== " + x.file() + " (designed to be " + x.designedFor().key() + ")");
                RunResult r = RunEngine.run(RunOptions.of(file, vars, env, output.out, stdout)
                        .listener(new Progress(stdout, output.live())));
                RunCommand.print(r, stdout);
                asDesigned &= r.verdict() == x.designedFor();
                rows.add(String.format(Locale.ROOT, "%-50s %-9s %-9s %s", x.file(), x.designedFor().key(),
                        r.verdict().key(), r.runDir()));
            }
            stdout.println();
            stdout.printf(Locale.ROOT, "%-50s %-9s %-9s %s%n", "experiment", "designed", "verdict", "run folder");
            rows.forEach(stdout::println);
            stdout.println(asDesigned ? "Every experiment reached the verdict it was designed for."
                    : "Some experiment did NOT reach the verdict it was designed for.");
            demo.close();
            return asDesigned ? ExitCode.OK.code() : ExitCode.REFUTED.code();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private int serve() throws Exception {
        for (int port : new int[] {storefrontPort, inventoryPort}) {
            if (port < 0 || port > 65535) {
                throw new UserInputException("port must be in 0..65535, got " + port);
            }
        }
        Vertx vertx = Vertx.vertx();
        try (StopSignals signals = new StopSignals()) {
            DemoSystem demo;
            try {
                demo = DemoSystem.start(vertx, inventoryPort, storefrontPort, inventoryAddress).await();
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot start the demo system: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().printf(
                    "storefront: http://127.0.0.1:%d/products/42?variant=resilient (or variant=fragile)%n"
                            + "inventory:  http://127.0.0.1:%d/stock/42, called by the storefront at %s%n"
                            + "Ctrl-C to stop.%n",
                    demo.storefrontPort(), demo.inventoryPort(), inventoryAddress);
            spec.commandLine().getOut().flush();
            signals.await(); // Ctrl-C, SIGTERM, or an interrupt of this thread: stop and exit 0
            demo.close().await();
            return ExitCode.OK.code();
        } finally {
            vertx.close().await();
        }
    }

    private static Path extract(String name, Path dir) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/experiments/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled experiment " + name + " is missing from the jar");
            }
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
