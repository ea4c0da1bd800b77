package dev.gameday.experiment.load;

import dev.gameday.yaml.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in an experiment file, in file order; the message lists them one per line. The
 * command line reports it as bad input (exit 3).
 */
public final class InvalidExperimentException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidExperimentException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
