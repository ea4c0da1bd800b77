package dev.gameday.run;

import dev.gameday.text.TerminalText;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Who watches a run as it goes: the terminal's progress (in the command line), a test. Events (phase
 * changes, steps, faults, tolerance changes, aborts) come as lines of text; the status comes every
 * {@link #statusEveryMs}. Called from the run's event loop: return quickly.
 */
public interface RunListener {
    void event(String line);

    void status(RunStatus status);

    /** The run is ending: nothing more is drawn in place. */
    void ending();

    long statusEveryMs();

    /** Prints events as lines (control characters made visible) and no status. */
    static RunListener printing(PrintStream out) {
        return lines(line -> {
            out.println(TerminalText.safe(line));
            out.flush();
        });
    }

    /** Hands each event's line to {@code each}, and draws no status. */
    static RunListener lines(Consumer<String> each) {
        return new RunListener() {
            @Override
            public void event(String line) {
                each.accept(line);
            }

            @Override
            public void status(RunStatus status) {}

            @Override
            public void ending() {}

            @Override
            public long statusEveryMs() {
                return 1000;
            }
        };
    }
}
