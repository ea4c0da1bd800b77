package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.load.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file so they can all be reported at once, in file order. */
public final class Problems {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(Path file) {
        this.file = file;
    }

    public void add(int line, int column, String message) {
        Problem p = new Problem(file, Math.max(1, line), Math.max(1, column), message);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    public void add(Node at, String message) {
        add(at.line(), at.column(), message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> sorted() {
        return problems.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }
}
