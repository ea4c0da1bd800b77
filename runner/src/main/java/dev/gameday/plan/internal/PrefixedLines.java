package dev.gameday.plan.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A stream that writes each whole line to {@code out} with a prefix: the runs of a parallel group apart. */
public final class PrefixedLines extends OutputStream {
    private final PrintStream out;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private PrefixedLines(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    public static PrintStream stream(PrintStream out, String prefix) {
        return new PrintStream(new PrefixedLines(out, prefix), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (out) {
            out.println(prefix + text);
        }
    }
}
