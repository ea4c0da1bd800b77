package dev.gameday.cli;

import dev.gameday.demo.DemoSystem;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gameday demo}: runs the demo storefront and inventory until interrupted (Ctrl-C). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the demo system: a storefront calling an inventory service through a proxy.",
                "Defaults match experiments/storefront-survives-slow-inventory.yaml. See docs/demo.md."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--storefront-port", defaultValue = "8080", description = "Storefront port (default: ${DEFAULT-VALUE}).")
    int storefrontPort;

    @Option(names = "--inventory-port", defaultValue = "8081", description = "Inventory port (default: ${DEFAULT-VALUE}).")
    int inventoryPort;

    @Option(names = "--inventory-address", defaultValue = "127.0.0.1:8666",
            description = "host:port the storefront calls inventory at: the proxy's listen address (default: ${DEFAULT-VALUE}).")
    String inventoryAddress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (int port : new int[] {storefrontPort, inventoryPort}) {
            if (port < 0 || port > 65535) {
                throw new UserInputException("port must be in 0..65535, got " + port);
            }
        }
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On Ctrl-C the JVM exits once the hooks return: let this one wait for the servers to close.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gameday-demo-stop");
        try {
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
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // An interrupt asks to stop, like Ctrl-C; it is handled by closing below.
            }
            demo.close().await();
            return ExitCode.OK.code();
        } finally {
            vertx.close().await();
            closed.countDown();
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down already, or never added: nothing to remove.
        }
    }
}
