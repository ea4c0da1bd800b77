package dev.gameday.plan;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that records every webhook POST (path and JSON body); the first
 * {@code failFirst} requests on each path are answered 500, to make the sender retry.
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String path, JsonObject body) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookReceiver(int failFirst) {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            AtomicInteger failed = failures.computeIfAbsent(req.path(), p -> new AtomicInteger());
            if (failed.getAndIncrement() < failFirst) {
                req.response().setStatusCode(500).end();
                return;
            }
            received.add(new Received(req.path(), body.toJsonObject()));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many requests reached {@code path}, the refused ones included. */
    public int attempts(String path) {
        AtomicInteger n = failures.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
