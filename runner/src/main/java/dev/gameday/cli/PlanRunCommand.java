package dev.gameday.cli;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.plan.EntryResult;
import dev.gameday.plan.LoadedPlan;
import dev.gameday.plan.PlanLoader;
import dev.gameday.plan.PlanResult;
import dev.gameday.plan.PlanRunOptions;
import dev.gameday.plan.PlanRunner;
import dev.gameday.plan.notify.Webhooks;
import dev.gameday.text.TerminalText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gameday plan run PLAN}: the plan's experiments now, one combined verdict. */
@Command(
        name = "run",
        header = "Run a plan's experiments now: one combined report, JUnit XML and verdict.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every experiment of the plan in order (parallel groups and matrix rows as the plan",
            "says), each in its own run folder, with the stop policy between them; writes a plan folder",
            "<out>/<UTC timestamp>-plan-<plan>/ with plan.json, plan-report.html/.md and junit.xml",
            "(a test suite per experiment). The webhooks hear run.started, run.aborted, run.ended and",
            "plan.ended. Ignores `when`, blackouts and freezes: this is the CI / by-hand path.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday plan run experiments/plans/storefront-game-day.yaml",
            "  gameday plan run plan.yaml --var storefront=http://127.0.0.1:9000 --out target/runs",
            "",
            "Exit codes: the worst verdict of the experiments that ran (0 all held, 5 inconclusive,",
            "  1 refuted, 2 aborted, 4 error), 3 the plan or an experiment is invalid (nothing run).",
        })
final class PlanRunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML).")
    Path file;

    @CommandLine.Mixin
    VariableOptions vars;

    @Option(names = "--no-commands", description = "Refuse experiments that would run programs (command probes or rollbacks).")
    boolean noCommands;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Parent folder of the plan folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        QuietNetworkLogs.apply(Verbosity.verbose(spec));
        LoadedPlan loaded = PlanLoader.load(file, vars.values, System.getenv(),
                LoadOptions.DEFAULTS.withRefuseCommands(noCommands));
        loaded.warnings().forEach(System.err::println);
        PrintStream stdout = System.out;
        try (Webhooks webhooks = Webhooks.start(loaded.plan(), System.err)) {
            PlanResult result = PlanRunner.run(loaded.plan(), PlanRunOptions.of(System.getenv(), out, stdout)
                    .refuseCommands(noCommands).listener(webhooks));
            print(result, stdout);
            return ExitCode.of(result).code();
        }
    }

    static void print(PlanResult result, PrintStream out) {
        out.println();
        out.println("Plan verdict: " + result.verdict().key().toUpperCase(Locale.ROOT) + " (the worst of its experiments)");
        for (EntryResult r : result.entries()) {
            out.printf("  %-13s %-32s %s%n", r.verdict() == null ? "NOT RUN" : r.verdict().key().toUpperCase(Locale.ROOT),
                    TerminalText.safe(r.entry().id()), r.runDir() != null ? TerminalText.safe(r.runDir().toString())
                            : TerminalText.safe(String.valueOf(r.note())));
        }
        out.println("Plan folder: " + TerminalText.safe(result.planDir().toString()));
    }
}
