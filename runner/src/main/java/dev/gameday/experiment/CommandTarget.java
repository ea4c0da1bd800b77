package dev.gameday.experiment;

import java.util.List;

/**
 * {@code type: command}: runs {@code run} (argv, no shell); succeeds on {@code expectExit} and, when
 * set, stdout containing {@code stdoutContains}.
 */
public record CommandTarget(List<String> run, int expectExit, String stdoutContains) implements ProbeTarget {
    public CommandTarget {
        run = List.copyOf(run);
    }

    @Override
    public String type() {
        return "command";
    }

    @Override
    public String summary() {
        return "runs " + String.join(" ", run);
    }
}
