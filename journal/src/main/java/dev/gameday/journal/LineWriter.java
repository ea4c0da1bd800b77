package dev.gameday.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The journal's own thread: it takes the stamped lines in the order they were queued, encodes them,
 * writes whatever has accumulated in one write, and fsyncs — at once for a durable line (its future
 * completes once it is on disk), on request, and every {@code syncEveryMs} when something was written.
 * The queue is bounded: a full queue makes the appender wait for the disk instead of growing. After a
 * failure nothing more is written; durable lines fail with it.
 */
final class LineWriter {
    /** One journal line, stamped; {@code durable} is null for a line that need not wait for the disk. */
    record Line(JournalEvent event, long t, long seq, CompletableFuture<Void> durable) {}

    /** Turns a line into its bytes, newline included. */
    interface Encoder {
        byte[] encode(Line line) throws IOException;
    }

    /** Told once, on the writer thread, when a write or fsync fails; {@code lines} complete lines are on file. */
    interface Failed {
        void failed(IOException e, long lines);
    }

    private static final Object SYNC = new Object();
    private static final Object CLOSE = new Object();
    private static final int MAX_BATCH = 1024;

    private final FileChannel channel;
    private final Encoder encoder;
    private final Failed failed;
    private final Halt halt;
    private final long syncEveryMs;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    /** Complete lines on file, and lines encoded but not yet written. */
    private long lines;
    private long pendingLines;
    private boolean dirty;
    private IOException failure;

    /** The test-only crash points ({@link Journal#HALT_PROPERTY}): they see each line on its own. */
    interface Halt {
        boolean active();

        void before(String type);

        void after(String type);
    }

    LineWriter(FileChannel channel, long lines, int capacity, long syncEveryMs, Encoder encoder, Failed failed,
            Halt halt) {
        this.channel = channel;
        this.lines = lines;
        this.encoder = encoder;
        this.failed = failed;
        this.halt = halt;
        this.syncEveryMs = syncEveryMs;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "gameday-journal");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a line; waits while the queue is full. */
    void put(Line line) {
        putUninterruptibly(line);
    }

    /** Asks for an fsync of what is written (skipped when the queue is full: the writer is busy anyway). */
    void sync() {
        queue.offer(SYNC);
    }

    /** Writes what is queued, fsyncs, releases the file; waits up to {@code waitMs} for that. */
    void close(long waitMs) {
        putUninterruptibly(CLOSE);
        try {
            thread.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Object first;
            try {
                first = queue.poll(syncEveryMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only close() ends the writer
            }
            if (first == null) {
                force(false);
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            if (write(batch)) {
                return;
            }
        }
    }

    /** Writes one batch; true when it held the close. */
    private boolean write(List<Object> batch) {
        try {
            for (Object item : batch) {
                if (item == CLOSE) {
                    flush();
                    force(true);
                    closeChannel();
                    return true;
                } else if (item == SYNC) {
                    flush();
                    force(true);
                } else {
                    add((Line) item);
                }
            }
            flush();
            if (!waiting.isEmpty()) {
                force(true);
            }
        } catch (RuntimeException e) {
            // A bug here must not leave appenders waiting for a writer that is gone.
            fail(new IOException("the journal writer failed: " + e, e));
            force(true);
        }
        return false;
    }

    private void add(Line line) {
        if (failure != null) {
            refuse(line);
            return;
        }
        String type = line.event().type();
        if (halt.active()) {
            flush(); // a crash point sees the lines before it on file, as a kill -9 would
            halt.before(type);
        }
        try {
            pending.write(encoder.encode(line));
        } catch (IOException | RuntimeException e) {
            fail(e instanceof IOException io ? io : new IOException("journal line " + type + " cannot be written", e));
            refuse(line);
            return;
        }
        pendingLines++;
        if (line.durable() != null) {
            waiting.add(line.durable());
        }
        if (halt.active()) {
            flush();
            if (line.durable() != null) {
                fsync(); // on disk before the crash point, and the appender still waiting, as after a kill -9
            }
            halt.after(type);
        }
    }

    private void refuse(Line line) {
        if (line.durable() != null) {
            line.durable().completeExceptionally(failure);
        }
    }

    /** Writes what has accumulated in one go. */
    private void flush() {
        if (pending.size() == 0 || failure != null) {
            pending.reset();
            pendingLines = 0;
            return;
        }
        byte[] bytes = pending.toByteArray();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long count = pendingLines;
        pending.reset();
        pendingLines = 0;
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            lines += count;
            dirty = true;
        } catch (IOException e) {
            // A write can take part of the batch before the next one fails (a file size limit reached
            // mid-batch): the whole lines in that part are on file, and the failure counts them.
            lines += wholeLines(bytes, buf.position());
            fail(e);
        }
    }

    private static long wholeLines(byte[] bytes, int written) {
        long n = 0;
        for (int i = 0; i < written; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Fsyncs when something was written since the last fsync (or {@code now}, with durable lines waiting). */
    private void force(boolean now) {
        if (dirty || now && !waiting.isEmpty()) {
            fsync();
        }
        List<CompletableFuture<Void>> done = List.copyOf(waiting);
        waiting.clear();
        done.forEach(f -> {
            if (failure == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(failure);
            }
        });
    }

    private void fsync() {
        if (failure != null) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
        } catch (ClosedChannelException e) {
            fail(new IOException("the journal file was closed", e));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
            failed.failed(e, lines);
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more can be written either way; a failure, if any, was reported.
        }
    }
}
