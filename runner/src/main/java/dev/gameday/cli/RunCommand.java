package dev.gameday.cli;

import dev.gameday.journal.VerdictReached.Evidence;
import dev.gameday.journal.VerdictReached.TimeToDetect;
import dev.gameday.run.RunEngine;
import dev.gameday.run.RunOptions;
import dev.gameday.run.RunResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gameday run FILE}: runs one experiment end to end. */
@Command(
        name = "run",
        header = "Run an experiment: faults, probes, verdict, journal, reports.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs an experiment: pre-flight, steady state before, the method's faults",
            "(abort conditions watched throughout), recovery, steady state after,",
            "rollbacks, verdict. Every fault and every proxy the run created is removed",
            "at the end, on abort, on error and on Ctrl-C/SIGTERM; a run that crashed is",
            "cleaned up by the next run in the same output folder (or `gameday recover`).",
            "Writes <out>/<UTC timestamp>-<experiment>/journal.jsonl, and the reports.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday run experiments/storefront-survives-slow-inventory.yaml",
            "  gameday run exp.yaml --var storefront=http://127.0.0.1:9000 --out target/runs",
            "  gameday run exp.yaml --dry-run          # checks only, prints the timeline",
            "",
            "Exit codes: 0 hypothesis held, 1 refuted, 2 aborted,",
            "  3 invalid input (nothing injected),",
            "  4 runtime error (pre-flight failed, or Toxiproxy failed mid-run: what may",
            "    still be injected is printed),",
            "  5 inconclusive (the steady state did not hold before any fault: nothing",
            "    was injected).",
        })
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment (YAML).")
    Path file;

    @CommandLine.Mixin
    VariableOptions vars;

    @Option(names = "--dry-run", description = "Check everything and print the timeline; inject nothing.")
    boolean dryRun;

    @CommandLine.Mixin
    RunOutputOptions output = new RunOutputOptions();

    @Override
    public Integer call() throws Exception {
        output.quietNetworkLogs();
        PrintStream stdout = System.out;
        RunResult r = RunEngine.run(new RunOptions(file, vars.values, System.getenv(), dryRun, output.out,
                output.live(), stdout));
        if (!dryRun) {
            print(r, stdout);
        }
        return r.exitCode();
    }

    static void print(RunResult r, PrintStream out) {
        out.println();
        out.println("Verdict: " + r.verdict().key().toUpperCase(java.util.Locale.ROOT) + " — " + r.summary());
        if (!r.evidence().isEmpty()) {
            out.println("Evidence:");
            for (Evidence e : r.evidence()) {
                out.printf("  %s %-16s %-7s %-13s observed %s, expected %s%n", e.ok() ? "ok  " : "FAIL", e.probe(),
                        e.phase(), e.tolerance(), e.observed(), e.expected());
            }
        }
        for (TimeToDetect t : r.timeToDetect()) {
            out.println("Time to detect " + t.step() + ": "
                    + (t.ms() == null ? "never (no failing sample)" : t.ms() + " ms"));
        }
        if (r.timeToRecoverMs() != null) {
            out.println("Time to recover: " + r.timeToRecoverMs() + " ms");
        }
        out.println("Run folder: " + r.runDir());
    }
}
