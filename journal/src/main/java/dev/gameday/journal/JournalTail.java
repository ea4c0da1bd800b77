package dev.gameday.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Follows a journal while its run writes it: each {@link #poll} hands on the events of the lines
 * completed since the last one, read by the same {@link JournalReader} rules as a whole file (so a
 * live view and the report see the same events at the same times). A line is handed on only once its
 * {@code '\n'} is on disk: the run writes whole lines, so a line without one is still being written.
 * Not thread-safe: poll from one thread at a time.
 */
public final class JournalTail {
    private static final int CHUNK = 64 * 1024;

    private final Path journal;
    private final JournalReader reader;
    private final LineParser parser = new LineParser();
    private long offset;
    private long lineNumber;
    /** The bytes of a line begun but not yet ended, {@code pending[0, pendingLength)}. */
    private byte[] pending = new byte[CHUNK];
    private int pendingLength;
    /** The line being read is longer than a journal line can be: dropped until its end. */
    private boolean overlong;

    public JournalTail(Path journal, Consumer<JournalLine> sink) {
        this.journal = journal;
        this.reader = new JournalReader(sink);
    }

    /** Reads what was appended since the last poll; returns how many bytes were new. */
    public long poll() throws IOException {
        long read = 0;
        try (FileChannel in = FileChannel.open(journal, StandardOpenOption.READ)) {
            if (in.size() < offset) {
                throw new IOException(journal + ": the journal got shorter while it was followed");
            }
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            while (true) {
                chunk.clear();
                int n = in.read(chunk, offset);
                if (n <= 0) {
                    break;
                }
                offset += n;
                read += n;
                take(chunk.array(), n);
            }
        }
        return read;
    }

    private void take(byte[] bytes, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (overlong) {
                overlong = false;
                reader.line(LineParser.overlong(++lineNumber, JournalReader.MAX_LINE_BYTES));
            } else if (pendingLength == 0) {
                line(bytes, start, i);
            } else {
                append(bytes, start, i);
                line(pending, 0, pendingLength);
            }
            pendingLength = 0;
            start = i + 1;
        }
        if (start < length && !overlong) {
            append(bytes, start, length);
        }
    }

    private void line(byte[] bytes, int from, int to) {
        ParsedLines.Parsed line = parser.parse(++lineNumber, bytes, from, to);
        if (line != null) {
            reader.line(line);
        }
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (pendingLength + n > JournalReader.MAX_LINE_BYTES) {
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

    /** What reading found so far (whether the run ended, damaged lines). */
    public JournalSummary summary() {
        return reader.soFar();
    }
}
