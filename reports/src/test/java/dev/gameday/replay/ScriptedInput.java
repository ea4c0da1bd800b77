package dev.gameday.replay;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Standard input for a scripted replay that hands out one command line per read and remembers what
 * the replay had printed when it asked for each line, so a test can see what was on screen before
 * a command.
 */
final class ScriptedInput extends InputStream {
    private final List<byte[]> lines = new ArrayList<>();
    private final Supplier<String> screen;
    private final List<String> shownBefore = new ArrayList<>();
    private int next;

    ScriptedInput(Supplier<String> screen, String... commands) {
        this.screen = screen;
        for (String command : commands) {
            lines.add((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the replay had printed when it read command {@code i}. */
    String shownBefore(int i) {
        return shownBefore.get(i);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (next >= lines.size()) {
            return -1;
        }
        byte[] line = lines.get(next++);
        shownBefore.add(screen.get());
        if (line.length > length) {
            throw new IllegalStateException("test commands are shorter than a read buffer");
        }
        System.arraycopy(line, 0, buffer, offset, line.length);
        return line.length;
    }
}
