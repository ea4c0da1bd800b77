package dev.gameday.run;

import dev.gameday.journal.ByteLines;
import dev.gameday.journal.JournalEvent;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches a run's {@link ControlFile} and hands each new request on as the journal event it asks for.
 * The file is read on a worker thread (a slow disk never holds up the event loop), a few times a
 * second; only whole lines are read, so a request being written is taken on the next look.
 */
final class ControlWatcher implements AutoCloseable {
    static final long EVERY_MS = 200;
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Vertx vertx;
    private final Path file;
    private final Consumer<JournalEvent> requests;
    private final long timer;
    /** Never ended: a request without its '\n' is still being written, and is taken on a later look. */
    private final ByteLines lines = new ByteLines(MAX_REQUEST_BYTES, new ByteLines.Sink() {
        @Override
        public void line(byte[] bytes, int from, int to) {
            JournalEvent e = ControlFile.request(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            if (e != null) {
                seen.add(e);
            }
        }

        @Override
        public void overlong() {
            // No request is that long: damage, skipped.
        }
    });
    /** Where the current look puts the requests it finds. */
    private List<JournalEvent> seen;
    private long offset;
    private boolean looking;
    private volatile boolean closed;

    private ControlWatcher(Vertx vertx, Path runDir, Consumer<JournalEvent> requests) {
        this.vertx = vertx;
        this.file = runDir.resolve(ControlFile.FILE_NAME);
        this.requests = requests;
        this.timer = vertx.setPeriodic(EVERY_MS, id -> look());
    }

    static ControlWatcher start(Vertx vertx, Path runDir, Consumer<JournalEvent> requests) {
        return new ControlWatcher(vertx, runDir, requests);
    }

    private void look() {
        if (looking || closed) {
            return;
        }
        looking = true;
        vertx.executeBlocking(this::newRequests, false).onComplete(r -> {
            looking = false;
            if (r.succeeded() && !closed) {
                r.result().forEach(requests);
            }
        });
    }

    private List<JournalEvent> newRequests() throws IOException {
        List<JournalEvent> found = new ArrayList<>();
        if (!Files.exists(file)) {
            return found;
        }
        seen = found;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
            int n;
            while ((n = in.read(buf.clear(), offset)) > 0) {
                offset += n;
                lines.feed(buf.array(), 0, n);
            }
        }
        return found;
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
    }
}
