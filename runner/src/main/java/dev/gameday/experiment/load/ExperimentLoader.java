package dev.gameday.experiment.load;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.load.internal.ExperimentBinder;
import dev.gameday.experiment.load.internal.Node;
import dev.gameday.experiment.load.internal.Problems;
import dev.gameday.experiment.load.internal.RecordRedaction;
import dev.gameday.experiment.load.internal.Variables;
import dev.gameday.experiment.load.internal.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        byte[] bytes = read(file, problems);
        if (bytes == null) {
            throw new InvalidExperimentException(problems.sorted(Redactor.NONE));
        }
        Node.MapNode raw = YamlTreeReader.read(bytes, problems);
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

    /** The file's bytes, refusing anything over the size limit before reading it; null when unreadable. */
    private static byte[] read(Path file, Problems problems) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlTreeReader.MAX_BYTES + 1);
            if (bytes.length > YamlTreeReader.MAX_BYTES) {
                problems.add(1, 1, "file is too large (over " + YamlTreeReader.MAX_BYTES / (1024 * 1024)
                        + " MiB): an experiment file is a few kilobytes of YAML");
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.add(1, 1, "no such file");
        } catch (IOException e) {
            problems.add(1, 1, "cannot read the file: " + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
