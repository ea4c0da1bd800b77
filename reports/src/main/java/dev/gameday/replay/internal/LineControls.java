package dev.gameday.replay.internal;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Commands as lines of text, so a replay can be scripted: an empty line or {@code next}, {@code r} or
 * {@code reveal}, {@code n <text>} or {@code note <text>}, {@code q} or {@code quit}.
 */
public final class LineControls implements Controls {
    private final BufferedReader in;
    private final Screen screen;

    public LineControls(BufferedReader in, Screen screen) {
        this.in = in;
        this.screen = screen;
    }

    @Override
    public Command next() throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String s = line.strip();
            String word = s.split("\\s+", 2)[0];
            String rest = s.substring(word.length()).strip();
            switch (word) {
                case "", "next" -> {
                    return Command.NEXT;
                }
                case "r", "reveal" -> {
                    return Command.REVEAL;
                }
                case "q", "quit" -> {
                    return Command.QUIT;
                }
                case "n", "note" -> {
                    if (!rest.isEmpty()) {
                        return Command.note(rest);
                    }
                    screen.line("   a note needs text: n <text>");
                }
                default -> screen.line("   unknown command '" + s + "': " + help());
            }
            screen.flush();
        }
        screen.line("   (input ended)");
        return Command.QUIT;
    }

    @Override
    public String help() {
        return "[Enter] next  [r] reveal what happened  [n <text>] note  [q] quit";
    }
}
