package dev.gameday.replay.internal;

import dev.gameday.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;

/** Plain text, one line per update: for pipes, files, scripts and tests. */
public final class PlainScreen implements Screen {
    private final PrintWriter out;

    public PlainScreen(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void line(String text) {
        out.println(TerminalText.safe(text));
    }

    @Override
    public void status(List<String> lines) {
        lines.forEach(l -> out.println(TerminalText.safe(l)));
    }

    @Override
    public void settle() {
        // Plain status lines are already part of the feed.
    }

    @Override
    public long statusEveryMs() {
        return 1000;
    }

    @Override
    public void flush() {
        out.flush();
    }
}
