package dev.gameday.journal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code '\n'} without decoding it, so that one damaged byte
 * damages one line only and the stream is never held whole. Bytes come in as they are read
 * ({@link #feed}), so a journal still being written is split as it grows; only {@link #end} says the
 * stream is over. A line longer than the cap is passed on as overlong, without its bytes: a journal
 * line is a few hundred bytes, the experiment copy a few kilobytes, so such a line is damage (a
 * binary file, a lost newline) and is never buffered. The journal's readers use it, and so does a
 * run following its control file.
 */
public final class ByteLines {
    /** Receives each line in order: {@code bytes[from, to)} without its {@code '\n'}. */
    public interface Sink {
        void line(byte[] bytes, int from, int to) throws IOException;

        void overlong() throws IOException;
    }

    private static final int CHUNK = 64 * 1024;

    private final int maxLineBytes;
    private final Sink sink;
    /** The bytes of a line begun in an earlier feed, {@code pending[0, pendingLength)}. */
    private byte[] pending = new byte[CHUNK];
    private int pendingLength;
    /** The line being read is already longer than the cap: dropped until its end. */
    private boolean overlong;

    public ByteLines(int maxLineBytes, Sink sink) {
        this.maxLineBytes = maxLineBytes;
        this.sink = sink;
    }

    /** Splits a whole stream, its last line with or without a {@code '\n'}. */
    static void split(InputStream in, int maxLineBytes, Sink sink) throws IOException {
        ByteLines lines = new ByteLines(maxLineBytes, sink);
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            lines.feed(chunk, 0, n);
        }
        lines.end();
    }

    /** The next bytes of the stream, {@code bytes[from, to)}: every line they complete is handed on. */
    public void feed(byte[] bytes, int from, int to) throws IOException {
        int start = from;
        int nl;
        while ((nl = indexOf(bytes, start, to)) >= 0) {
            if (pendingLength == 0 && !overlong) {
                if (nl - start > maxLineBytes) {
                    sink.overlong();
                } else {
                    sink.line(bytes, start, nl);
                }
            } else {
                keep(bytes, start, nl);
                if (overlong) {
                    sink.overlong();
                } else {
                    sink.line(pending, 0, pendingLength);
                }
            }
            overlong = false;
            pendingLength = 0;
            start = nl + 1;
        }
        keep(bytes, start, to);
    }

    /** The stream is over: a last line without its {@code '\n'} is a line too. */
    public void end() throws IOException {
        if (overlong) {
            sink.overlong();
        } else if (pendingLength > 0) {
            sink.line(pending, 0, pendingLength);
        }
        overlong = false;
        pendingLength = 0;
    }

    /** Keeps the start of a line that ends in a later feed, unless it is already too long. */
    private void keep(byte[] bytes, int from, int to) {
        int n = to - from;
        if (overlong || n == 0) {
            return;
        }
        if (pendingLength + n > maxLineBytes) {
            overlong = true;
            pendingLength = 0;
            return;
        }
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + n));
        }
        System.arraycopy(bytes, from, pending, pendingLength, n);
        pendingLength += n;
    }

    /** A method of its own, small and called per line, so that it is compiled early: a CLI run is cold. */
    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
