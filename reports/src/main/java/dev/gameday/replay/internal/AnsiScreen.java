package dev.gameday.replay.internal;

import dev.gameday.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;

/**
 * A terminal: the feed scrolls above the probes' status lines, which are redrawn in place with ANSI
 * escapes (cursor to the start of a previous line, erase to the end of the screen).
 */
public final class AnsiScreen implements Screen {
    private final PrintWriter out;
    private final int width;
    private List<String> status = List.of();

    public AnsiScreen(PrintWriter out, int width) {
        this.out = out;
        this.width = width > 10 ? width : 80;
    }

    @Override
    public void line(String text) {
        erase();
        out.println(TerminalText.safe(text));
        draw();
    }

    @Override
    public void status(List<String> lines) {
        erase();
        status = lines.stream().map(TerminalText::safe).map(l -> l.length() < width ? l : l.substring(0, width - 1))
                .toList();
        draw();
    }

    @Override
    public void settle() {
        status = List.of();
    }

    @Override
    public long statusEveryMs() {
        return 100;
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void erase() {
        if (!status.isEmpty()) {
            out.print("\033[" + status.size() + "F\033[J");
        }
    }

    private void draw() {
        status.forEach(out::println);
        out.flush();
    }
}
