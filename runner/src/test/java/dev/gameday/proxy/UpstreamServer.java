package dev.gameday.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real upstream for tests: echoes every byte back, counts what it received, and closes its side when
 * the client's side ends (so a half-close travels back as EOF).
 */
final class UpstreamServer implements AutoCloseable {

    private final NetServer server;
    private final AtomicLong received;

    private UpstreamServer(NetServer server, AtomicLong received) {
        this.server = server;
        this.received = received;
    }

    static UpstreamServer echo(Vertx vertx) throws Exception {
        AtomicLong received = new AtomicLong();
        NetServer server = vertx.createNetServer().connectHandler(socket -> pipe(socket, received));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new UpstreamServer(server, received);
    }

    private static void pipe(NetSocket socket, AtomicLong received) {
        socket.handler(data -> {
            received.addAndGet(data.length());
            socket.write(data);
            if (socket.writeQueueFull()) {
                socket.pause();
                socket.drainHandler(v -> socket.resume());
            }
        });
        socket.endHandler(v -> socket.end());
    }

    int port() {
        return server.actualPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    /** Bytes received from all connections so far. */
    long received() {
        return received.get();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
