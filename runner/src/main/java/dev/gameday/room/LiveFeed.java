package dev.gameday.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-sent events of one run: while at least one page follows it, its {@link LiveRun} is polled
 * every {@value #EVERY_MS} ms on a worker thread (one poll at a time, however many pages are open)
 * and its state is sent to every page.
 */
final class LiveFeed {
    static final long EVERY_MS = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final LiveRun run;
    private final Set<HttpServerResponse> pages = ConcurrentHashMap.newKeySet();
    private long timer = -1;
    private boolean polling;

    LiveFeed(Vertx vertx, LiveRun run) {
        this.vertx = vertx;
        this.run = run;
    }

    synchronized void follow(HttpServerResponse page) {
        pages.add(page);
        page.closeHandler(v -> leave(page));
        if (timer < 0) {
            timer = vertx.setPeriodic(0, EVERY_MS, id -> tick());
        }
    }

    private synchronized void leave(HttpServerResponse page) {
        pages.remove(page);
        if (pages.isEmpty() && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private synchronized void tick() {
        if (polling) {
            return;
        }
        polling = true;
        vertx.executeBlocking(run::poll, false).onComplete(res -> {
            String data = res.succeeded() ? res.result()
                    : MAPPER.createObjectNode().put("error", String.valueOf(res.cause().getMessage())).toString();
            synchronized (this) {
                polling = false;
            }
            for (HttpServerResponse page : List.copyOf(pages)) {
                if (!page.closed() && !page.ended()) {
                    page.write("data: " + data + "\n\n");
                }
            }
        });
    }
}
