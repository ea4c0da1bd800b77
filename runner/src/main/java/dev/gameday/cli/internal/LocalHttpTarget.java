package dev.gameday.cli.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** An HTTP server on a free port of 127.0.0.1 that answers every request {@code 200 ok}. */
public final class LocalHttpTarget implements AutoCloseable {
    private static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;

    private LocalHttpTarget(HttpServer server) {
        this.server = server;
    }

    public static LocalHttpTarget start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        server.start();
        return new LocalHttpTarget(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
