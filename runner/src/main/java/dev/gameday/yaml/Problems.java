package dev.gameday.yaml;

import dev.gameday.text.TerminalText;
import dev.gameday.experiment.Redactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem (and warning) of one file so they can all be reported at once, in file
 * order. Messages quote values as the file wrote them; they are only made fit to show when taken
 * out: every secret masked, then every control character escaped, so each is one printable line.
 * A file with hundreds of problems is not worth listing in full: the first {@link #MAX_REPORTED}
 * are kept.
 */
public final class Problems {
    public static final int MAX_REPORTED = 100;

    private final Path file;
    private final Set<Problem> problems = new LinkedHashSet<>();
    private final Set<Problem> warnings = new LinkedHashSet<>();

    public Problems(Path file) {
        this.file = file;
    }

    public void add(int line, int column, String message) {
        problems.add(new Problem(file, Math.max(1, line), Math.max(1, column), message));
    }

    public void add(Node at, String message) {
        add(at.line(), at.column(), message);
    }

    /** Something the file's user should know that does not make the file invalid. */
    public void warn(Node at, String message) {
        warnings.add(new Problem(file, Math.max(1, at.line()), Math.max(1, at.column()), "warning: " + message));
    }

    /** True once so many problems are known that the rest only need to be counted, not explained. */
    public boolean overwhelmed() {
        return problems.size() > 10 * MAX_REPORTED;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in file order, at most {@link #MAX_REPORTED} and a count of the rest, fit to show. */
    public List<Problem> sorted(Redactor redactor) {
        List<Problem> all = shown(problems, redactor);
        if (all.size() <= MAX_REPORTED) {
            return all;
        }
        List<Problem> first = new ArrayList<>(all.subList(0, MAX_REPORTED));
        Problem next = all.get(MAX_REPORTED);
        first.add(new Problem(file, next.line(), next.column(),
                "... and " + (all.size() - MAX_REPORTED) + " more problems from here on; fix these first"));
        return first;
    }

    /** The warnings in file order, fit to show. */
    public List<Problem> warnings(Redactor redactor) {
        return shown(warnings, redactor);
    }

    private static List<Problem> shown(Set<Problem> raw, Redactor redactor) {
        return raw.stream()
                .map(p -> new Problem(p.file(), p.line(), p.column(), TerminalText.safe(redactor.redact(p.message()))))
                .distinct()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }
}
