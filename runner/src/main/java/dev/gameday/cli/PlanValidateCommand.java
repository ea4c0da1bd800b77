package dev.gameday.cli;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.plan.InvalidPlanException;
import dev.gameday.plan.LoadedPlan;
import dev.gameday.plan.PlanLoader;
import dev.gameday.text.TerminalText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday plan validate PLAN}: the plan and every experiment it names, every problem located. */
@Command(
        name = "validate",
        header = "Check a plan and every experiment it names; every problem as file:line:column.",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the plan file and each experiment with the vars its entry runs with (matrix rows",
            "included), without running anything. A secret that is not set is a warning unless",
            "--require-secrets.",
        },
        footer = {"", "Exit codes: 0 valid, 3 problems (listed on stderr)."})
final class PlanValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML).")
    Path file;

    @CommandLine.Mixin
    VariableOptions vars;

    @Option(names = "--require-secrets", description = "Fail when a $${secret:NAME} is not set, as plan run does.")
    boolean requireSecrets;

    @Option(names = "--no-commands", description = "Refuse experiments that would run programs.")
    boolean noCommands;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LoadedPlan loaded;
        try {
            loaded = PlanLoader.load(file, vars.values, System.getenv(),
                    new LoadOptions(requireSecrets ? SecretPolicy.REQUIRED : SecretPolicy.OPTIONAL, noCommands));
        } catch (InvalidPlanException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            return ExitCode.INVALID_INPUT.code();
        }
        loaded.warnings().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(TerminalText.safe(file.toString()) + ": ok ("
                + loaded.plan().entries().size() + " experiment runs in " + loaded.plan().stages().size() + " stages)");
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return ExitCode.OK.code();
    }
}
