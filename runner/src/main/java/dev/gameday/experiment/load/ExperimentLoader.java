package dev.gameday.experiment.load;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.load.internal.ExperimentBinder;
import dev.gameday.yaml.FileKind;
import dev.gameday.yaml.Node;
import dev.gameday.yaml.Problems;
import dev.gameday.experiment.load.internal.RecordRedaction;
import dev.gameday.experiment.load.internal.Variables;
import dev.gameday.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Loads an experiment file: reads the YAML into a located tree, substitutes variables, checks and
 * binds every section, and reports all problems at once as {@code file:line:column: message}.
 * Loading never runs anything the file describes; {@link LoadOptions} say how strict to be.
 */
public final class ExperimentLoader {
    private static final FileKind KIND = new FileKind("experiment", "title, proxies, steadyState, method, ...");

    private ExperimentLoader() {}

    /** Loads {@code file} with the process environment and {@link LoadOptions#DEFAULTS}. */
    public static LoadedExperiment load(Path file, Map<String, String> cliVars) throws InvalidExperimentException {
        return load(file, cliVars, System.getenv(), LoadOptions.DEFAULTS);
    }

    /** Loads {@code file} with the process environment. */
    public static LoadedExperiment load(Path file, Map<String, String> cliVars, LoadOptions options)
            throws InvalidExperimentException {
        return load(file, cliVars, System.getenv(), options);
    }

    /** Loads {@code file} with {@link LoadOptions#DEFAULTS}. */
    public static LoadedExperiment load(Path file, Map<String, String> cliVars, Map<String, String> env)
            throws InvalidExperimentException {
        return load(file, cliVars, env, LoadOptions.DEFAULTS);
    }

    /**
     * Loads {@code file}, reading {@code ${env:…}} and {@code ${secret:…}} from {@code env}. Every
     * problem and warning is located, one printable line, and shows no secret.
     */
    public static LoadedExperiment load(Path file, Map<String, String> cliVars, Map<String, String> env,
            LoadOptions options) throws InvalidExperimentException {
        Problems problems = new Problems(file);
        byte[] bytes = YamlTreeReader.readBytes(file, problems, KIND);
        if (bytes == null) {
            throw new InvalidExperimentException(problems.sorted(Redactor.NONE));
        }
        Node.MapNode raw = YamlTreeReader.read(bytes, problems, KIND);
        if (raw == null) {
            throw new InvalidExperimentException(problems.sorted(Redactor.NONE));
        }
        Variables variables = new Variables(raw, cliVars, env, options.secrets(), problems);
        Node.MapNode tree = variables.substitute(raw);
        Map<String, String> vars = variables.values();
        Experiment experiment = ExperimentBinder.bind(tree, vars, options, problems);
        Redactor redactor = Redactor.of(variables.secrets());
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems.sorted(redactor));
        }
        return new LoadedExperiment(file, sha256(bytes), experiment, RecordRedaction.redact(experiment, redactor),
                redactor, problems.warnings(redactor));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
