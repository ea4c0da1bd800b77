package dev.gameday.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line as a test outside {@code cli} runs it: the exit code, output discarded. */
public final class GamedayForTests {
    private GamedayForTests() {}

    public static int exitCode(String... args) {
        return Gameday.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
