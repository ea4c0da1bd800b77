package dev.gameday.proxy;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The compatibility suite against Gameday's embedded proxy (and again on NIO, by a subclass). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedToxiproxyCompatibilityTest extends ToxiproxyCompatibilitySuite {

    private Vertx vertx;
    private EmbeddedToxiproxy server;

    /** The proxies' transport: {@code nio}, {@code epoll}, or blank for the best (see {@code Transport}). */
    protected String transport() {
        return "";
    }

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0, transport()).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected String apiHost() {
        return "127.0.0.1";
    }

    @Override
    protected int apiPort() {
        return server.port();
    }

    @Override
    protected String listen(int i) {
        return "127.0.0.1:0";
    }
}
