package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gameday.text.Failures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The append-only JSONL run journal (docs/journal.md). {@link #append} is thread-safe and cheap enough
 * for the event loop: it stamps the event ({@code t}, {@code seq}) and queues it; the journal's own
 * thread encodes, redacts and writes the lines in that order, and fsyncs every {@value #SYNC_EVERY_MS}
 * ms when something was written and at once on {@link #sync()}. At most {@value #MAX_QUEUED} lines
 * wait: beyond that {@link #append} waits for the disk rather than let memory grow.
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
    static final int MAX_QUEUED = 65_536;
    /** How long {@link #close} waits for the queued lines to be written. */
    private static final long CLOSE_WAIT_MS = 30_000;
    /**
     * Test-only: {@code after:<type>} (or {@code before:<type>}, optionally {@code #<n>} for the n-th
     * event of that type) halts the JVM at once, as {@code kill -9} would, right after that event is
     * written (and, for an intent, fsynced) or right before it would be. The crash tests use it.
     */
    public static final String HALT_PROPERTY = "gameday.test.haltAt";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HaltPoint HALT = HaltPoint.parse(System.getProperty(HALT_PROPERTY));

    private final Path file;
    private final UnaryOperator<String> redact;
    private final LongSupplier clock;
    private final LineWriter writer;
    private long seq;
    private boolean closed;
    /** A journal's last line is its {@code run.ended} or {@code run.interrupted}: nothing is written after it. */
    private boolean ended;
    private volatile Failure failure;
    private volatile Consumer<Failure> failureListener = f -> { };

    /** Why the journal stopped writing, and how many complete lines it holds. */
    public record Failure(String reason, long linesWritten) {}

    private Journal(Path file, FileChannel channel, UnaryOperator<String> redact, long nextSeq, long lines,
            LongSupplier clock) {
        this.file = file;
        this.clock = clock;
        this.redact = redact;
        this.seq = nextSeq;
        this.writer = new LineWriter(channel, lines, MAX_QUEUED, SYNC_EVERY_MS, this::encode, this::failed, HALT);
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
            enqueue(event, t, false);
        } catch (IOException e) {
            // closed, ended or failed: a failure is recorded and reported to the listener
        }
        return t;
    }

    /**
     * Appends one event and fsyncs it before returning: the write-ahead record of a change about to be
     * made. Throws when the journal is closed, has failed, or cannot write or sync now; the change
     * must then not be made.
     */
    public void appendDurably(JournalEvent event) throws IOException {
        CompletableFuture<Void> written = enqueue(event, event.at() == null ? clock.getAsLong() : event.at(), true);
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while journal " + file + " was writing " + event.type(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Stamps the line with its place ({@code seq}) and queues it for the writer; throws when it is refused. */
    private CompletableFuture<Void> enqueue(JournalEvent event, long t, boolean durably) throws IOException {
        // Under the lock so that lines are queued in the order of their seq; the writer never takes it.
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
            CompletableFuture<Void> durable = durably ? new CompletableFuture<>() : null;
            writer.put(new LineWriter.Line(event, t, seq++, durable));
            ended = event.type().equals("run.ended") || event.type().equals("run.interrupted");
            return durable;
        }
    }

    /** On the writer thread: one line as JSON, every text value redacted. */
    private byte[] encode(LineWriter.Line l) throws IOException {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("type", l.event().type());
        line.put("t", l.t());
        line.put("seq", l.seq());
        JsonNode fields = MAPPER.valueToTree(l.event());
        redactValues(fields);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            line.set(f.getKey(), f.getValue());
        }
        try {
            return (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException("journal event " + l.event().type() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Asks for an fsync now (phase boundaries) without waiting for it. */
    public void sync() {
        writer.sync();
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

    /**
     * Takes no more lines, writes those queued, fsyncs, and releases the file. Idempotent; never throws.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        writer.close(CLOSE_WAIT_MS);
    }

    /** Records the first failure and tells the listener, off the writer's thread. */
    private void failed(IOException e, long linesWritten) {
        Failure f = new Failure(Failures.message(e), linesWritten);
        failure = f;
        Consumer<Failure> listener = failureListener;
        // The listener may append (dropped) or wait on other threads: never on the writer.
        Thread notify = new Thread(() -> listener.accept(f), "gameday-journal-failure");
        notify.setDaemon(true);
        notify.start();
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
    private static final class HaltPoint implements LineWriter.Halt {
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

        @Override
        public boolean active() {
            return this != NONE;
        }

        @Override
        public synchronized void before(String eventType) {
            if (before && eventType.equals(type) && ++seen == occurrence) {
                Runtime.getRuntime().halt(137);
            }
        }

        @Override
        public synchronized void after(String eventType) {
            if (!before && eventType.equals(type) && ++seen == occurrence) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
