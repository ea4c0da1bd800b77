package dev.gameday.proxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A real embedded proxy, an echo upstream and a toxiproxy-java client, shared by the tests of one class
 * (one instance per class: classes run side by side, each with its own). A subclass named {@code …OnNioTest}
 * runs its parent's tests again with the proxies' data path on NIO instead of the best transport (epoll
 * where it loads), in the same JVM and beside the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbeddedProxyTestBase {

    protected Vertx vertx;
    protected EmbeddedToxiproxy server;
    protected UpstreamServer upstream;
    protected ToxiproxyClient client;

    /** The proxies' transport: {@code nio}, {@code epoll}, or blank for the best (see {@code Transport}). */
    protected String transport() {
        return "";
    }

    @BeforeAll
    void startProxy() throws Exception {
        vertx = Vertx.vertx();
        server = join(EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0, transport()));
        upstream = UpstreamServer.echo();
        client = new ToxiproxyClient("127.0.0.1", server.port());
    }

    @AfterAll
    void stopProxy() throws Exception {
        join(server.close());
        upstream.close();
        join(vertx.close());
    }

    @AfterEach
    void deleteProxies() throws IOException {
        for (Proxy proxy : client.getProxies()) {
            proxy.delete();
        }
    }

    /** A new proxy on a free port in front of the echo upstream. */
    protected Proxy echoProxy(String name) throws IOException {
        return client.createProxy(name, "127.0.0.1:0", upstream.address());
    }

    static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
