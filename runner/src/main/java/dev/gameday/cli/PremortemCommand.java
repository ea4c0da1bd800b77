package dev.gameday.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.preflight.LiveChecks;
import dev.gameday.report.premortem.PreflightCheck;
import dev.gameday.report.premortem.PremortemInput;
import dev.gameday.report.Reports;
import dev.gameday.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday premortem}: the document the team reviews before a game day, optionally with live checks. */
@Command(name = "premortem",
        header = "Write the pre-mortem to review before the game day.",
        mixinStandardHelpOptions = true,
        description = {"Write the pre-mortem of an experiment (premortem.md and premortem.html): hypothesis card,",
            "planned timeline, blast radius and error-budget cost, what could go wrong, abort and rollback plan,",
            "pre-flight checklist and open questions. Nothing is injected.",
            "With --check, also run the run's own pre-flight (Toxiproxy, proxies, upstreams, probes through the",
            "proxies, which it creates and removes again), then sample the steady state through them and judge it",
            "as the run would; any red check means do not start, and the exit code is 4."},
        footer = {"", "Examples:",
            "  gameday premortem experiments/storefront-survives-slow-inventory.yaml",
            "  gameday premortem experiments/storefront-survives-slow-inventory.yaml --check",
            "  gameday premortem FILE --var storefront=http://127.0.0.1:9090 --out target/premortem"})
final class PremortemCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
    Path file;

    @Option(names = "--check", description = "Run live pre-flight checks and include the results.")
    boolean check;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N",
            description = {"Samples per probe for the steady-state check (default: one tolerance window",
                "of samples, at least 20, so that a p95 means something)."})
    int samples;

    @Option(names = "--replace-proxies", description = "As for run: recreate a proxy that exists with another address.")
    boolean replaceProxies;

    @Option(names = "--no-commands", description = "As for run: refuse an experiment that runs programs.")
    boolean noCommands;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write (default: runs/premortem-<slug>/ in the current directory).")
    Path out;

    @CommandLine.Mixin
    VariableOptions vars;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (samples < 0) {
            throw new UserInputException("--samples must be at least 1 (or 0 for the default)");
        }
        // Only the live checks use secret values: without --check a missing secret is a warning.
        LoadedExperiment loaded = ExperimentLoader.load(file, vars.values, LoadOptions.DEFAULTS
                .withSecrets(check ? SecretPolicy.REQUIRED : SecretPolicy.OPTIONAL).withRefuseCommands(noCommands));
        loaded.warnings().forEach(w -> spec.commandLine().getErr().println("gameday: warning: " + w));
        ObjectNode json = ExperimentJson.toTree(loaded.redacted());
        List<PreflightCheck> checks = null;
        if (check) {
            checks = LiveChecks.run(loaded, samples, replaceProxies).checks();
        }
        Path dir = out != null ? out : Path.of("runs", "premortem-" + slug(loaded.experiment().title(), file));
        PremortemInput input = new PremortemInput(json, file.toString(), loaded.sha256(), Instant.now(), checks);
        List<Path> written = Reports.writePremortem(input, dir);
        PrintWriter stdout = spec.commandLine().getOut();
        written.forEach(stdout::println);
        if (checks == null) {
            return ExitCode.OK.code();
        }
        for (PreflightCheck c : checks) {
            stdout.println(TerminalText.safe((c.ok() ? "  ok    " : "  FAIL  ") + c.name() + ": " + c.detail()));
        }
        if (!input.cleared()) {
            spec.commandLine().getErr().println("gameday: pre-flight is red: do not start");
            return ExitCode.RUNTIME_ERROR.code();
        }
        return ExitCode.OK.code();
    }

    private static String slug(String title, Path file) {
        String source = title == null || title.isBlank() ? file.getFileName().toString().replaceFirst("\\.ya?ml$", "") : title;
        String slug = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "experiment" : slug.substring(0, Math.min(60, slug.length()));
    }
}
