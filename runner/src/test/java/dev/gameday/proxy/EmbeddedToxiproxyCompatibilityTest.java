package dev.gameday.proxy;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The compatibility suite against Gameday's embedded proxy. */
class EmbeddedToxiproxyCompatibilityTest extends ToxiproxyCompatibilitySuite {

    private static Vertx vertx;
    private static EmbeddedToxiproxy server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
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
