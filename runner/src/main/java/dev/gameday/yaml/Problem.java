package dev.gameday.yaml;

import dev.gameday.text.TerminalText;
import java.nio.file.Path;

/**
 * One thing wrong with a YAML file (an experiment, a plan), where it is (1-based line and column) and what it is.
 * The loader's messages are one printable line with every secret masked; {@link #toString()} is
 * {@code file:line:column: message}, the file name made safe for a terminal too.
 */
public record Problem(Path file, int line, int column, String message) {
    @Override
    public String toString() {
        return TerminalText.safe(String.valueOf(file)) + ":" + line + ":" + column + ": " + message;
    }
}
