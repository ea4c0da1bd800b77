package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A journal's lines split, decoded and parsed on a thread of their own, handed to the reader in file
 * order: parsing JSON is most of what reading a journal costs, so on a second core it overlaps the
 * reader's checks and what its consumer does with each event. What is in flight is bounded (a few
 * thousand lines), so memory does not grow with the journal.
 */
final class ParsedLines {
    /** One non-blank line: its number, and its JSON, or why it could not be read. */
    record Parsed(long number, JsonNode node, String unreadable, boolean byteOrderMark) {}

    /** Receives the lines in order, on the thread that called {@link #read}. */
    interface Sink {
        void line(Parsed line);
    }

    private static final int BATCH = 256;
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final LineParser parser = new LineParser();
    private List<Parsed> batch = new ArrayList<>(BATCH);
    private long number;

    private ParsedLines() {}

    /** Reads {@code in} to its end (and closes it), handing every non-blank line to {@code sink}. */
    static void read(InputStream in, int maxLineBytes, Sink sink) throws IOException {
        ParsedLines lines = new ParsedLines();
        Thread parser = new Thread(() -> lines.parse(in, maxLineBytes), "journal-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            lines.deliver(sink);
        } finally {
            parser.interrupt(); // the sink failed: the parser stops at its next hand-over
        }
    }

    private void deliver(Sink sink) throws IOException {
        while (true) {
            Object next = take();
            if (next == END) {
                return;
            }
            if (next instanceof Failure f) {
                f.rethrow();
            }
            @SuppressWarnings("unchecked")
            List<Parsed> lines = (List<Parsed>) next;
            lines.forEach(sink::line);
        }
    }

    private Object take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the journal");
        }
    }

    private void parse(InputStream in, int maxLineBytes) {
        try (in) {
            ByteLines.split(in, maxLineBytes, new ByteLines.Sink() {
                @Override
                public void line(byte[] bytes, int from, int to) throws IOException {
                    parsed(bytes, from, to);
                }

                @Override
                public void overlong() throws IOException {
                    add(LineParser.overlong(++number, maxLineBytes));
                }
            });
            hand(batch);
            hand(END);
        } catch (InterruptedIOException gone) {
            // The reader has gone (its sink failed): nobody is left to tell, and a hand-over now would wait
            // for ever once the queue is full, the interruption being spent.
        } catch (Throwable e) {
            try {
                hand(new Failure(e));
            } catch (IOException interrupted) {
                // The reader has gone (its sink failed): nobody is left to tell.
            }
        }
    }

    private void parsed(byte[] bytes, int from, int to) throws IOException {
        Parsed line = parser.parse(++number, bytes, from, to);
        if (line != null) {
            add(line);
        }
    }

    private void add(Parsed line) throws IOException {
        batch.add(line);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(Object item) throws IOException {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the journal's reader has gone");
        }
    }

    /** What stopped the parser, rethrown on the reader's thread as it was thrown. */
    private record Failure(Throwable error) {
        void rethrow() throws IOException {
            if (error instanceof IOException io) {
                throw io;
            }
            if (error instanceof RuntimeException r) {
                throw r;
            }
            if (error instanceof Error err) {
                throw err;
            }
            throw new IOException(error);
        }
    }
}
