package dev.gameday.experiment.load;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Redactor;
import java.nio.file.Path;

/**
 * A valid experiment: {@code experiment} holds the real values (secrets included) for the runner,
 * {@code redacted} the same with every secret replaced by {@code ***} for journals and reports, and
 * {@code redactor} hides those secrets in any other text (error messages, probe output).
 * {@code sha256} is the hex digest of the file's bytes.
 */
public record LoadedExperiment(Path file, String sha256, Experiment experiment, Experiment redacted, Redactor redactor) {}
