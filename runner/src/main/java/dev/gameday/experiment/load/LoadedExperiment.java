package dev.gameday.experiment.load;

import dev.gameday.yaml.Problem;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Redactor;
import java.nio.file.Path;
import java.util.List;

/**
 * A valid experiment: {@code experiment} holds the real values (secrets included) for the runner,
 * {@code redacted} the same with every secret replaced by {@code ***} for journals and reports, and
 * {@code redactor} hides those secrets in any other text (error messages, probe output).
 * {@code sha256} is the hex digest of the file's bytes. {@code warnings} are located, printable and
 * redacted like problems, each message starting with {@code warning: } (e.g. a secret not set under
 * {@link SecretPolicy#OPTIONAL}, whose value in {@code experiment} is then only a placeholder).
 */
public record LoadedExperiment(Path file, String sha256, Experiment experiment, Experiment redacted, Redactor redactor,
        List<Problem> warnings) {
    public LoadedExperiment {
        warnings = List.copyOf(warnings);
    }
}
