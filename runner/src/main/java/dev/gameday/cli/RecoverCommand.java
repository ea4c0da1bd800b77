package dev.gameday.cli;

import dev.gameday.recover.CrashRecovery;
import dev.gameday.recover.RecoveryOutcome;
import dev.gameday.run.ReportsAfterRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gameday recover [DIR]}: finishes the cleanup of runs that could not finish it themselves. */
@Command(
        name = "recover",
        header = "Remove what crashed or stranded runs left behind.",
        mixinStandardHelpOptions = true,
        description = {
            "Finds runs whose journal is still open (no run.ended or run.interrupted)",
            "and whose process is gone — a crash, kill -9, or a run that could not undo",
            "everything — and undoes on Toxiproxy every change the journal announced and",
            "did not record as undone: toxics, outages, proxies it created, proxies it",
            "replaced (put back), its leases. What is already gone is fine; what is not",
            "the run's is left alone. Each journal then gets its last line.",
            "DIR is a folder of runs (default: runs) or one run folder.",
            "A journal written on another host is refused unless --foreign-host.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday recover",
            "  gameday recover target/runs",
            "  gameday recover runs/20261122T223112Z-storefront-survives-slow-inventory",
            "  gameday recover copied-from-ci/runs --foreign-host",
            "",
            "Exit codes: 0 nothing left behind (or only runs still going, left alone),",
            "  3 a journal written on another host was refused (nothing touched; see",
            "    --foreign-host),",
            "  4 a Toxiproxy server was unreachable or a journal could not be written",
            "    (run it again later).",
        })
final class RecoverCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "Runs folder or run folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--foreign-host", description = {"Also recover journals written on another host, against the",
        "Toxiproxy URL they name: only when that run is over and that server is the one it used."})
    boolean foreignHost;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CrashRecovery.Hosts hosts = foreignHost ? CrashRecovery.Hosts.ANY : CrashRecovery.Hosts.THIS_HOST;
        List<RecoveryOutcome> outcomes = Files.isRegularFile(dir.resolve(CrashRecovery.JOURNAL))
                ? CrashRecovery.recover(dir, hosts).stream().toList()
                : CrashRecovery.recoverAll(dir, hosts);
        PrintWriter out = spec.commandLine().getOut();
        if (outcomes.isEmpty()) {
            out.println("Nothing to recover in " + dir + ": every run there finished.");
        }
        boolean failed = false;
        boolean refused = false;
        for (RecoveryOutcome o : outcomes) {
            out.println(o.status().name().toLowerCase(Locale.ROOT) + "  " + o.runDir() + ": " + o.message());
            failed |= o.status() == RecoveryOutcome.Status.FAILED;
            refused |= o.status() == RecoveryOutcome.Status.FOREIGN;
            if (o.status() == RecoveryOutcome.Status.RECOVERED) {
                ReportsAfterRun.render(o.runDir(), System.err);
            }
        }
        out.flush();
        return failed ? ExitCode.RUNTIME_ERROR.code() : refused ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
    }
}
