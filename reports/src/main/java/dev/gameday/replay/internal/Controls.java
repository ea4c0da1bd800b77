package dev.gameday.replay.internal;

import java.io.IOException;

/** Where step-mode commands come from: keys on a terminal, or lines of text. */
public interface Controls {
    /** The next command; {@link Command#QUIT} when the input ends. */
    Command next() throws IOException;

    /** The one-line reminder of the keys, shown at each stop. */
    String help();
}
