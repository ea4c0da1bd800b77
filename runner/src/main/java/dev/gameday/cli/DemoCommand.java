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
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gameday demo}: the demo system in-process, and the bundled experiments run against it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the demo system (a storefront and its inventory service, on free",
            "ports of 127.0.0.1) and runs the bundled experiments against it through the",
            "embedded proxy, one after the other: a slow inventory the resilient",
            "storefront survives (held), an inventory outage the fragile storefront does",
            "not survive (refuted), and a stalled inventory that trips an abort condition",
            "(aborted). Prints a table of verdicts and run folders; takes about a minute.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday demo",
            "  gameday demo --out target/demo-runs --no-progress",
            "",
            "Exit codes: 0 every experiment got the verdict it was designed for,",
            "  1 one did not.",
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

    @Override
    public Integer call() throws Exception {
        output.quietNetworkLogs();
        PrintStream stdout = System.out;
        Path experiments = Files.createTempDirectory("gameday-demo");
        Vertx vertx = Vertx.vertx();
        try {
            String proxyAddress = "127.0.0.1:" + freePort();
            DemoSystem demo = DemoSystem.start(vertx, 0, 0, proxyAddress).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
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
                RunResult r = RunEngine.run(new RunOptions(file, vars, env, false, output.out,
                        output.live(), stdout));
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
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (var files = Files.list(experiments)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(experiments);
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
