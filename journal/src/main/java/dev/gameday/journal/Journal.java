package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The append-only JSONL run journal (docs/journal.md). {@link #append} is thread-safe and only writes
 * to the OS (cheap enough for the event loop); fsync runs on the journal's own thread, every
 * {@value #SYNC_EVERY_MS} ms when something was written and at once on {@link #sync()}. Every text
 * value of an event (not its field names) passes through the redactor before it is written. Appends
 * after {@link #close()} are dropped, so a shutdown hook can close the journal under a still-running
 * engine.
 */
public final class Journal implements AutoCloseable {
    static final long SYNC_EVERY_MS = 500;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final UnaryOperator<String> redact;
    private final ScheduledExecutorService syncer;
    private final LongSupplier clock;
    private long seq;
    private boolean closed;
    private volatile boolean dirty;

    private Journal(Path file, FileChannel channel, UnaryOperator<String> redact, long nextSeq, LongSupplier clock) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.redact = redact;
        this.seq = nextSeq;
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gameday-journal-sync");
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(this::syncIfDirty, SYNC_EVERY_MS, SYNC_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts a new journal; fails when the file already exists. */
    public static Journal create(Path file, UnaryOperator<String> redact) throws IOException {
        return create(file, redact, System::currentTimeMillis);
    }

    /** Starts a new journal whose events are stamped by {@code clock} (epoch ms). */
    public static Journal create(Path file, UnaryOperator<String> redact, LongSupplier clock) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Journal(file, ch, redact, 0, clock);
    }

    /**
     * Continues an existing journal (crash recovery): numbering goes on after the last complete line,
     * and a truncated last line is ended first so the next event starts on a line of its own.
     */
    public static Journal resume(Path file, UnaryOperator<String> redact) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long next = 0;
        for (JsonNode event : JournalFile.read(file).events()) {
            next = Math.max(next, event.path("seq").asLong(-1) + 1);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        return new Journal(file, ch, redact, next, System::currentTimeMillis);
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one event as a line and returns its {@code t}; dropped silently once the journal is
     * closed (the {@code t} it would have had is still returned).
     */
    public synchronized long append(JournalEvent event) {
        long t = event.at() == null ? clock.getAsLong() : event.at();
        if (closed) {
            return t;
        }
        ObjectNode line = MAPPER.createObjectNode();
        line.put("type", event.type());
        line.put("t", t);
        line.put("seq", seq);
        JsonNode fields = MAPPER.valueToTree(event);
        redactValues(fields);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            line.set(f.getKey(), f.getValue());
        }
        try {
            byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            seq++;
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
        return t;
    }

    /** Asks for an fsync now (phase boundaries) without waiting for it. */
    public void sync() {
        if (!syncer.isShutdown()) {
            syncer.execute(this::syncIfDirty);
        }
    }

    /**
     * Appends {@code last} and closes, at once: nothing another thread appends can come after it (the
     * shutdown hook's {@code run.interrupted} while the engine still delivers samples).
     */
    public synchronized void closeWith(JournalEvent last) {
        append(last);
        close();
    }

    /** Writes nothing more, fsyncs what was written, and releases the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Not shutdownNow(): interrupting a thread inside FileChannel.force closes the channel.
        syncer.shutdown();
        try {
            syncer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void syncIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            channel.force(false);
        } catch (IOException e) {
            // Closed under us by close(), which fsyncs itself; a real I/O error shows on the next append.
        }
    }

    /** Redacts every text value of a tree just built for one event, in place. */
    private void redactValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            // Keys are never redacted: they are field names or names the user wrote, never a secret
            // (variables are substituted in values only), and a short secret must not mangle the schema.
            object.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(redact.apply(f.getValue().asText())));
                } else {
                    redactValues(f.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(redact.apply(array.get(i).asText())));
                } else {
                    redactValues(array.get(i));
                }
            }
        }
    }
}
