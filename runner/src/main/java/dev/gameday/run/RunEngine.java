package dev.gameday.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultServer;
import dev.gameday.fault.Lease;
import dev.gameday.journal.Journal;
import dev.gameday.journal.RunStarted;
import dev.gameday.recover.CrashRecovery;
import dev.gameday.recover.RecoveryOutcome;
import dev.gameday.recover.RunLock;
import dev.gameday.rollback.Teardown;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code gameday run}: loads the experiment, recovers crashed runs in the output folder, then runs it
 * in a new run folder with its journal, a {@code run.lock}, and a shutdown hook guarding the faults.
 * The engine and an embedded Toxiproxy each get their own Vert.x instance, so the proxy's API keeps
 * answering the cleanup even when the engine's event loop is stuck.
 */
public final class RunEngine {
    public static final String JOURNAL = CrashRecovery.JOURNAL;

    private RunEngine() {}

    /** Runs (or dry-runs) one experiment and blocks until it is over; invalid input throws. */
    public static RunResult run(RunOptions options) throws Exception {
        LoadedExperiment loaded = ExperimentLoader.load(options.experimentFile(), options.vars(), options.env(),
                LoadOptions.DEFAULTS.withRefuseCommands(options.refuseCommands()));
        for (RecoveryOutcome r : CrashRecovery.recoverAll(options.outDir(), CrashRecovery.Hosts.THIS_HOST)) {
            if (r.status() == RecoveryOutcome.Status.FOREIGN) {
                options.out().println("warning: not recovering " + r.runDir() + ": " + r.message());
                continue;
            }
            options.out().println("recovered an unfinished run in " + r.runDir() + ": " + r.message());
            if (r.status() == RecoveryOutcome.Status.RECOVERED) {
                ReportsAfterRun.render(r.runDir(), System.err);
            }
        }
        if (options.dryRun()) {
            return DryRun.check(loaded, options.replaceProxies(), options.out());
        }
        Experiment experiment = loaded.experiment();
        // The experiment's copy for run.started is built while the embedded proxy starts: both are
        // cold code (Jackson's first introspection, Vert.x and Netty), a quarter second each. On a thread
        // of its own: the JVM's common pool may be one thread, taken by whatever else runs in this JVM.
        CompletableFuture<ObjectNode> copy = CompletableFuture.supplyAsync(() -> ExperimentJson.toTree(loaded.redacted()),
                task -> new Thread(task, "gameday-experiment-copy").start());
        FaultServer server = FaultServer.open(experiment.toxiproxy());
        Path runDir = RunFolders.create(options.outDir(), options.experimentFile(), Instant.now());
        String runId = UUID.randomUUID().toString();
        Journal journal = Journal.create(runDir.resolve(JOURNAL), loaded.redactor()::redact);
        FaultLedger ledger = new FaultLedger(server.url(), runId, journal::appendDurably);
        RunLock.current().write(runDir);
        RunStarted started = started(loaded, join(copy), runId, server.url().toString(), server.embedded());
        journal.append(started);
        ShutdownGuard guard = new ShutdownGuard(journal, ledger, runDir, System.err);
        guard.install();
        Vertx engine = Vertx.vertx();
        RunResult result;
        try {
            RunSession session = new RunSession(engine, experiment, started.experiment(), loaded.redactor(), runId,
                    journal, ledger, server, options.replaceProxies(), options.listener());
            Future<RunResult> running = session.start();
            try (ControlWatcher control = ControlWatcher.start(engine, runDir, session::control)) {
                result = running.await();
            }
        } finally {
            if (!ledger.empty()) {
                // Last resort, when the session itself failed: nothing the run did may stay in place. What
                // cannot be undone stays in the journal's intents, which is left open for `gameday recover`.
                new Teardown(ledger, 1000).run(undo -> undo.events("error").forEach(journal::append));
            }
            guard.release();
            journal.close();
            RunLock.deleteQuietly(runDir);
            engine.close();
            server.close();
        }
        ReportsAfterRun.render(runDir, System.err);
        return result.in(runDir);
    }

    private static RunStarted started(LoadedExperiment loaded, ObjectNode copy, String runId, String url,
            boolean embedded) {
        Experiment redacted = loaded.redacted();
        return new RunStarted(RunStarted.FORMAT_VERSION, runId, loaded.file().toString(), loaded.sha256(),
                copy, System.getProperty("user.name"), Lease.thisHost(),
                Map.of("gameday", version(RunEngine.class), "java", System.getProperty("java.version"),
                        "vertx", vertxVersion(),
                        "os", System.getProperty("os.name") + " " + System.getProperty("os.version")),
                new RunStarted.ToxiproxyInfo(embedded ? "embedded" : "remote", url),
                redacted.vars(), Timeline.of(redacted.method()).plan(), false);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static String version(Class<?> c) {
        String v = c.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String vertxVersion() {
        try (InputStream in = Vertx.class.getClassLoader().getResourceAsStream("META-INF/vertx/vertx-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
