package dev.gameday.journal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code '\n'} without decoding it, so that one damaged byte
 * damages one line only and the stream is never held whole. A line longer than the cap is passed on
 * as overlong, without its bytes: a journal line is a few hundred bytes, the experiment copy a few
 * kilobytes, so such a line is damage (a binary file, a lost newline) and is never buffered.
 */
final class ByteLines {
    /** Receives each line in order: {@code bytes[from, to)} without its {@code '\n'}. */
    interface Sink {
        void line(byte[] bytes, int from, int to) throws IOException;

        void overlong() throws IOException;
    }

    private ByteLines() {}

    static void split(InputStream in, int maxLineBytes, Sink sink) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int start = 0;
        int scan = 0;
        int end = 0;
        boolean overlong = false;
        while (true) {
            int nl = indexOf(buf, scan, end);
            if (nl >= 0) {
                if (overlong || nl - start > maxLineBytes) {
                    sink.overlong();
                    overlong = false;
                } else {
                    sink.line(buf, start, nl);
                }
                start = nl + 1;
                scan = start;
                continue;
            }
            if (overlong || end - start > maxLineBytes) {
                overlong = true;
                start = 0;
                end = 0;
            } else if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            scan = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            end += n;
        }
        if (overlong || end - start > maxLineBytes) {
            sink.overlong();
        } else if (end > start) {
            sink.line(buf, start, end);
        }
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
