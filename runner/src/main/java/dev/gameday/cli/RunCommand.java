package dev.gameday.cli;

import dev.gameday.journal.Detection;
import dev.gameday.journal.Evidence;
import dev.gameday.text.TerminalText;
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
            "    was injected; or a faulted proxy carried no traffic),",
            "  130 / 143 stopped by Ctrl-C / SIGTERM (every fault removed first).",
        })
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment (YAML).")
    Path file;

    @CommandLine.Mixin
    VariableOptions vars;

    @Option(names = "--dry-run", description = {"Run the pre-flight and sample the steady state through the",
        "proxies, print the timeline; inject nothing (created proxies are removed again)."})
    boolean dryRun;

    @Option(names = "--replace-proxies", description = {"A proxy of the experiment's name that exists on the",
        "Toxiproxy server with another listen/upstream is recreated for the run (and put back at",
        "the end) instead of stopping the run with exit 3."})
    boolean replaceProxies;

    @Option(names = "--no-commands", description = {"Refuse an experiment that runs programs (command probes",
        "or rollbacks): for files from untrusted sources, e.g. a pull request in CI."})
    boolean noCommands;

    @CommandLine.Mixin
    RunOutputOptions output = new RunOutputOptions();

    @Override
    public Integer call() throws Exception {
        output.quietNetworkLogs();
        PrintStream stdout = System.out;
        RunResult r = RunEngine.run(RunOptions.of(file, vars.values, System.getenv(), output.out, stdout)
                .dryRun(dryRun).listener(new Progress(stdout, output.live())).replaceProxies(replaceProxies).refuseCommands(noCommands));
        if (!dryRun) {
            print(r, stdout);
        }
        return ExitCode.of(r).code();
    }

    /** The verdict and its evidence: the very figures the report and the JUnit file show. */
    static void print(RunResult r, PrintStream out) {
        out.println();
        out.println("Verdict: " + r.verdict().key().toUpperCase(java.util.Locale.ROOT) + " — "
                + TerminalText.safe(r.summary()));
        if (!r.evidence().isEmpty()) {
            out.println("Evidence (worst window of each phase and fault step):");
            for (Evidence e : r.evidence()) {
                String where = e.step() == null ? e.phase() : "  step " + e.step();
                out.printf("  %-7s %-16s %-24s %-13s %-9s %s, %s%n", e.status().key().toUpperCase(java.util.Locale.ROOT),
                        e.probe(), where, e.tolerance(), e.observedText() == null ? "–" : e.observedText(),
                        "expected " + e.expected(), e.samples() + " samples (" + e.failures() + " failed)"
                                + (e.windows() == 0 ? "" : ", " + e.failingWindows() + " of " + e.windows()
                                        + " windows outside"));
            }
        }
        for (Detection t : r.timeToDetect()) {
            out.println("Time to detect " + t.step() + ": " + (t.detected()
                    ? t.knownAfterMs() + " ms (" + t.probe() + "'s first failing sample was sent " + t.sentAfterMs()
                            + " ms after the injection)"
                    : "never (no failing sample while it was in place)"));
        }
        if (r.timeToRecoverMs() != null) {
            out.println("Time to recover: " + r.timeToRecoverMs() + " ms");
        }
        r.caveats().forEach(c -> out.println("Caveat: " + TerminalText.safe(c)));
        out.println("Run folder: " + TerminalText.safe(String.valueOf(r.runDir())));
    }
}
