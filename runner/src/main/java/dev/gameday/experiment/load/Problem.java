package dev.gameday.experiment.load;

import java.nio.file.Path;

/** One thing wrong with an experiment file, where it is (1-based line and column) and what it is. */
public record Problem(Path file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
