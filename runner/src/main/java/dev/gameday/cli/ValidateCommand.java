package dev.gameday.cli;

import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.InvalidExperimentException;
import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.yaml.Problem;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.text.TerminalText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gameday validate}: checks experiment files and lists every problem of each, located. */
@Command(
        name = "validate",
        header = "Check experiment files; list every problem as file:line:column.",
        mixinStandardHelpOptions = true,
        description = {
            "Check experiment files without running anything: no probe, command or rollback is run.",
            "Every problem of every file is listed as FILE:LINE:COLUMN: MESSAGE; a valid file prints FILE: ok.",
            "A secret that is not set is a warning (FILE:LINE:COLUMN: warning: ...) unless --require-secrets.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday validate experiments/storefront-survives-slow-inventory.yaml",
            "  gameday validate experiments/*.yaml",
            "  gameday validate --var storefront=http://127.0.0.1:9090 my-experiment.yaml",
            "  gameday validate --no-commands untrusted.yaml",
            "",
            "Exit codes: 0 every file is valid, 3 at least one file has problems.",
        })
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment files (YAML).")
    List<Path> files;

    @CommandLine.Mixin
    VariableOptions vars;

    @Option(names = "--require-secrets",
            description = "Fail (exit 3) when a $${secret:NAME} is not set, as run does; by default it is a warning.")
    boolean requireSecrets;

    @Option(names = "--no-commands",
            description = "Refuse experiments that would run programs (command probes or rollbacks), e.g. in CI.")
    boolean noCommands;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadOptions options = new LoadOptions(requireSecrets ? SecretPolicy.REQUIRED : SecretPolicy.OPTIONAL, noCommands);
        boolean allValid = true;
        for (Path file : files) {
            try {
                LoadedExperiment loaded = ExperimentLoader.load(file, vars.values, options);
                loaded.warnings().forEach(spec.commandLine().getErr()::println);
                spec.commandLine().getOut().println(TerminalText.safe(file.toString()) + ": ok");
            } catch (InvalidExperimentException e) {
                allValid = false;
                for (Problem p : e.problems()) {
                    spec.commandLine().getErr().println(p);
                }
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return allValid ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
    }
}
