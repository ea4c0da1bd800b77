package dev.gameday.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final ByteLines lines;
    private long offset;
    private long lineNumber;

    public JournalTail(Path journal, Consumer<JournalLine> sink) {
        this.journal = journal;
        this.reader = new JournalReader(sink);
        // Never ended: a line without its '\n' is still being written.
        this.lines = new ByteLines(JournalReader.MAX_LINE_BYTES, new ByteLines.Sink() {
            @Override
            public void line(byte[] bytes, int from, int to) {
                ParsedLines.Parsed line = parser.parse(++lineNumber, bytes, from, to);
                if (line != null) {
                    reader.line(line);
                }
            }

            @Override
            public void overlong() {
                reader.line(LineParser.overlong(++lineNumber, JournalReader.MAX_LINE_BYTES));
            }
        });
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
                lines.feed(chunk.array(), 0, n);
            }
        }
        return read;
    }

    /** What reading found so far (whether the run ended, damaged lines). */
    public JournalSummary summary() {
        return reader.soFar();
    }
}
