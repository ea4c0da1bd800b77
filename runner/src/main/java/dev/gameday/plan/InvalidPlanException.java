package dev.gameday.plan;

import dev.gameday.yaml.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in a plan file and in the experiments it names (each located in its own file),
 * in file order. The command line reports it as bad input.
 */
public final class InvalidPlanException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidPlanException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
