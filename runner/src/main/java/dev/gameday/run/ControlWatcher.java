package dev.gameday.run;

import dev.gameday.journal.JournalEvent;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
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

    private final Vertx vertx;
    private final Path file;
    private final Consumer<JournalEvent> requests;
    private final long timer;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
            for (long at = offset; in.read(buf.clear(), at) > 0; at += buf.position()) {
                bytes.write(buf.array(), 0, buf.position());
            }
        }
        byte[] all = bytes.toByteArray();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                JournalEvent e = ControlFile.request(new String(all, start, i - start, StandardCharsets.UTF_8));
                if (e != null) {
                    found.add(e);
                }
                start = i + 1;
            }
        }
        offset += start;
        return found;
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
    }
}
