package dev.gameday.cli;

import dev.gameday.recover.CrashRecovery;
import dev.gameday.recover.RecoveryOutcome;
import dev.gameday.run.internal.RunReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gameday recover [DIR]}: cleans up after runs that crashed. */
@Command(
        name = "recover",
        header = "Remove faults that crashed runs left behind.",
        mixinStandardHelpOptions = true,
        description = {
            "Finds runs that never ended (no run.ended in the journal, owning process",
            "gone) and removes what they left on Toxiproxy: toxics recorded as injected,",
            "outages, proxies they created. Each journal then gets run.interrupted.",
            "DIR is a folder of runs (default: runs) or one run folder.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday recover",
            "  gameday recover target/runs",
            "  gameday recover runs/20261122T223112Z-storefront-survives-slow-inventory",
            "",
            "Exit codes: 0 nothing left behind,",
            "  4 a Toxiproxy server was unreachable (run it again later).",
        })
final class RecoverCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "Runs folder or run folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        List<RecoveryOutcome> outcomes = Files.isRegularFile(dir.resolve(CrashRecovery.JOURNAL))
                ? CrashRecovery.recover(dir).stream().toList()
                : CrashRecovery.recoverAll(dir);
        if (outcomes.isEmpty()) {
            System.out.println("Nothing to recover in " + dir + ": every run there finished.");
        }
        boolean failed = false;
        for (RecoveryOutcome o : outcomes) {
            System.out.println(o.status().name().toLowerCase(java.util.Locale.ROOT) + "  " + o.runDir() + ": "
                    + o.message());
            failed |= o.status() == RecoveryOutcome.Status.FAILED;
            if (o.status() == RecoveryOutcome.Status.RECOVERED) {
                RunReports.render(o.runDir(), System.err);
            }
        }
        return failed ? ExitCode.RUNTIME_ERROR.code() : ExitCode.OK.code();
    }
}
