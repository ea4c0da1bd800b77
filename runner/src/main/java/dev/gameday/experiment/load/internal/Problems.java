package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.load.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem of one file so they can all be reported at once, in file order. A file with
 * hundreds of problems is not worth listing in full: the first {@link #MAX_REPORTED} are kept.
 */
public final class Problems {
    public static final int MAX_REPORTED = 100;

    private final Path file;
    private final Set<Problem> problems = new LinkedHashSet<>();

    public Problems(Path file) {
        this.file = file;
    }

    public void add(int line, int column, String message) {
        // one problem per line, whatever the file put in the values quoted by the message
        String oneLine = message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        problems.add(new Problem(file, Math.max(1, line), Math.max(1, column), oneLine));
    }

    public void add(Node at, String message) {
        add(at.line(), at.column(), message);
    }

    /** True once so many problems are known that the rest only need to be counted, not explained. */
    public boolean overwhelmed() {
        return problems.size() > 10 * MAX_REPORTED;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> sorted() {
        List<Problem> all = problems.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
        if (all.size() <= MAX_REPORTED) {
            return all;
        }
        List<Problem> first = new ArrayList<>(all.subList(0, MAX_REPORTED));
        Problem next = all.get(MAX_REPORTED);
        first.add(new Problem(file, next.line(), next.column(),
                "... and " + (all.size() - MAX_REPORTED) + " more problems from here on; fix these first"));
        return first;
    }
}
