package dev.gameday.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
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
                    add(new Parsed(++number, null, "longer than " + (maxLineBytes >> 20) + " MB", false));
                }
            });
            hand(batch);
            hand(END);
        } catch (Throwable e) {
            try {
                hand(new Failure(e));
            } catch (IOException interrupted) {
                // The reader has gone (its sink failed): nobody is left to tell.
            }
        }
    }

    private void parsed(byte[] bytes, int from, int to) throws IOException {
        number++;
        boolean bom = false;
        if (number == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF) {
            from += 3;
            bom = true;
        }
        if (blank(bytes, from, to)) {
            if (bom) {
                add(new Parsed(number, null, null, true));
            }
            return;
        }
        String text = utf8(bytes, from, to);
        if (text == null) {
            add(new Parsed(number, null, "not valid UTF-8 text", bom));
            return;
        }
        JsonNode node;
        try {
            // Parsed as text, not bytes: Jackson's character parser warms up faster, and a CLI run is cold.
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            node = null;
        }
        add(new Parsed(number, node, node == null ? "not JSON" : null, bom));
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

    /** Stops at the first byte that is not white space: for a line of JSON, its first. */
    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The line as text; null when it is not UTF-8. The JDK's own decoding is the fast one (ASCII, most
     * journals, is one intrinsic); it replaces damage by U+FFFD, so only a line showing one is decoded
     * again, strictly, to tell damage from a U+FFFD the line really holds.
     */
    private String utf8(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return text;
        } catch (CharacterCodingException e) {
            return null;
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
