package dev.gameday.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.preflight.LivePreflight;
import dev.gameday.report.PreflightCheck;
import dev.gameday.report.PremortemInput;
import dev.gameday.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
            "With --check, also run live pre-flight checks (Toxiproxy, upstreams, probes, steady state now);",
            "any red check means do not start, and the exit code is 4."},
        footer = {"", "Examples:",
            "  gameday premortem experiments/storefront-survives-slow-inventory.yaml",
            "  gameday premortem experiments/storefront-survives-slow-inventory.yaml --check",
            "  gameday premortem FILE --var storefront=http://127.0.0.1:9090 --out target/premortem"})
final class PremortemCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment file (YAML).")
    Path file;

    @Option(names = "--check", description = "Run live pre-flight checks and include the results.")
    boolean check;

    @Option(names = "--samples", defaultValue = "5", paramLabel = "N",
            description = "Samples per probe for the steady-state check (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write (default: runs/premortem-<slug>/ in the current directory).")
    Path out;

    @CommandLine.Mixin
    VariableOptions vars;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (samples < 1) {
            throw new UserInputException("--samples must be at least 1");
        }
        LoadedExperiment loaded = ExperimentLoader.load(file, vars.values);
        ObjectNode json = ExperimentJson.toTree(loaded.redacted());
        List<PreflightCheck> checks = null;
        if (check) {
            List<JsonNode> probes = new ArrayList<>();
            json.path("steadyState").path("probes").forEach(probes::add);
            checks = LivePreflight.run(loaded.experiment(), probes, loaded.redactor(), samples);
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
            stdout.println((c.ok() ? "  ok    " : "  FAIL  ") + c.name() + ": " + c.detail());
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
