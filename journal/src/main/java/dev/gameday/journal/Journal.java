package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The append-only JSONL run journal (docs/journal.md). {@link #append} is thread-safe and only writes
 * to the OS (cheap enough for the event loop); fsync runs on the journal's own thread, every
 * {@value #SYNC_EVERY_MS} ms when something was written and at once on {@link #sync()}.
 * {@link #appendDurably} is the write-ahead path for intents: it returns only once the line is on
 * disk, and throws when it is not, so that the Toxiproxy call it announces is never made unrecorded.
 * Every text value of an event (not its field names) passes through the redactor before it is
 * written. Appends after {@link #close()} are dropped, so a shutdown hook can close the journal under
 * a still-running engine; so are appends after the journal's last line, {@code run.ended} or
 * {@code run.interrupted}, so that it stays the last line whatever is still running.
 *
 * <p>A write or fsync that fails (disk full, read-only file system) never throws from {@link #append}:
 * the journal stops writing, keeps what it wrote, tells {@link #onFailure its listener} once, and
 * {@link #failure()} says why and how many lines it holds. The run then stops, and {@code gameday
 * recover} completes the journal later.
 */
public final class Journal implements AutoCloseable {
    static final long SYNC_EVERY_MS = 500;
    /**
     * Test-only: {@code after:<type>} (or {@code before:<type>}, optionally {@code #<n>} for the n-th
     * event of that type) halts the JVM at once, as {@code kill -9} would, right after that event is
     * written (and, for an intent, fsynced) or right before it would be. The crash tests use it.
     */
    public static final String HALT_PROPERTY = "gameday.test.haltAt";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HaltPoint HALT = HaltPoint.parse(System.getProperty(HALT_PROPERTY));

    private final Path file;
    private final FileChannel channel;
    private final UnaryOperator<String> redact;
    private final ScheduledExecutorService syncer;
    private final LongSupplier clock;
    private long seq;
    private long lines;
    private boolean closed;
    /** A journal's last line is its {@code run.ended} or {@code run.interrupted}: nothing is written after it. */
    private boolean ended;
    private volatile Failure failure;
    private volatile Consumer<Failure> failureListener = f -> { };
    private volatile boolean dirty;

    /** Why the journal stopped writing, and how many complete lines it holds. */
    public record Failure(String reason, long linesWritten) {}

    private Journal(Path file, FileChannel channel, UnaryOperator<String> redact, long nextSeq, long lines,
            LongSupplier clock) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.redact = redact;
        this.seq = nextSeq;
        this.lines = lines;
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
        return new Journal(file, ch, redact, 0, 0, clock);
    }

    /**
     * Continues an existing journal (crash recovery): numbering goes on after the last complete line,
     * and a truncated last line is ended first so the next event starts on a line of its own.
     */
    public static Journal resume(Path file, UnaryOperator<String> redact) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long next = 0;
        List<JsonNode> events = JournalFile.read(file).events();
        for (JsonNode event : events) {
            next = Math.max(next, event.path("seq").asLong(-1) + 1);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
        return new Journal(file, ch, redact, next, events.size(), System::currentTimeMillis);
    }

    public Path file() {
        return file;
    }

    /** Called once, from the thread whose write failed, when the journal stops writing. */
    public void onFailure(Consumer<Failure> listener) {
        this.failureListener = listener;
    }

    /** Why writing stopped, if it did. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Appends one event as a line and returns its {@code t}; dropped silently once the journal is
     * closed or has failed (the {@code t} it would have had is still returned).
     */
    public long append(JournalEvent event) {
        long t = event.at() == null ? clock.getAsLong() : event.at();
        try {
            write(event, t);
        } catch (IOException e) {
            return t; // closed, or failed: the failure is recorded and reported to the listener
        }
        HALT.after(event.type());
        return t;
    }

    /**
     * Appends one event and fsyncs it before returning: the write-ahead record of a change about to be
     * made. Throws when the journal is closed, has failed, or cannot write or sync now; the change
     * must then not be made.
     */
    public void appendDurably(JournalEvent event) throws IOException {
        write(event, event.at() == null ? clock.getAsLong() : event.at());
        try {
            channel.force(false);
        } catch (IOException e) {
            throw fail(e);
        }
        HALT.after(event.type());
    }

    private void write(JournalEvent event, long t) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("journal " + file + " is closed");
            }
            if (failure != null) {
                throw new IOException("journal " + file + " can no longer be written: " + failure.reason());
            }
            if (ended) {
                throw new IOException("journal " + file + " has ended");
            }
            HALT.before(event.type());
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
            byte[] bytes;
            try {
                bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("journal event " + event.type() + " cannot be written as JSON", e);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            try {
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            } catch (IOException e) {
                throw failLocked(e);
            }
            seq++;
            lines++;
            dirty = true;
            ended = event.type().equals("run.ended") || event.type().equals("run.interrupted");
        }
    }

    /** Asks for an fsync now (phase boundaries) without waiting for it. */
    public void sync() {
        if (!syncer.isShutdown()) {
            syncer.execute(this::syncIfDirty);
        }
    }

    /**
     * Appends {@code last} and closes: nothing another thread appends can come after it (the shutdown
     * hook's {@code run.interrupted} while the engine still delivers samples) — a journal's last line,
     * {@code run.ended} or {@code run.interrupted}, refuses every later append.
     */
    public void closeWith(JournalEvent last) {
        append(last);
        close();
    }

    /** Writes nothing more, fsyncs what was written, and releases the file. Idempotent; never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Not shutdownNow(): interrupting a thread inside FileChannel.force closes the channel.
        syncer.shutdown();
        try {
            syncer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (failure == null) {
                channel.force(false);
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more can be written either way; the failure, if any, is recorded.
            }
        }
    }

    private void syncIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // Closed under us by close(), which fsyncs itself.
        } catch (IOException e) {
            fail(e);
        }
    }

    private IOException fail(IOException e) {
        synchronized (this) {
            return failLocked(e);
        }
    }

    /** Records the first failure and tells the listener (on this thread); returns {@code e} to throw. */
    private IOException failLocked(IOException e) {
        if (failure == null) {
            Failure f = new Failure(e.getMessage() == null ? e.toString() : e.getMessage(), lines);
            failure = f;
            Consumer<Failure> listener = failureListener;
            // Off this thread's lock: the listener may append (dropped) or wait on other threads.
            Thread notify = new Thread(() -> listener.accept(f), "gameday-journal-failure");
            notify.setDaemon(true);
            notify.start();
        }
        return e;
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

    /** The test-only crash point of {@link #HALT_PROPERTY}; {@code NONE} outside the crash tests. */
    private static final class HaltPoint {
        static final HaltPoint NONE = new HaltPoint(false, null, 0);

        private final boolean before;
        private final String type;
        private final int occurrence;
        private int seen;

        private HaltPoint(boolean before, String type, int occurrence) {
            this.before = before;
            this.type = type;
            this.occurrence = occurrence;
        }

        static HaltPoint parse(String spec) {
            if (spec == null || !spec.matches("(before|after):[a-z.]+(#[0-9]+)?")) {
                return NONE;
            }
            String[] whenWhat = spec.split(":", 2);
            String[] typeNth = whenWhat[1].split("#");
            return new HaltPoint(whenWhat[0].equals("before"), typeNth[0],
                    typeNth.length > 1 ? Integer.parseInt(typeNth[1]) : 1);
        }

        synchronized void before(String eventType) {
            if (before && eventType.equals(type) && ++seen == occurrence) {
                Runtime.getRuntime().halt(137);
            }
        }

        synchronized void after(String eventType) {
            if (!before && eventType.equals(type) && ++seen == occurrence) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
