package dev.gameday.proxy;

import dev.gameday.proxy.api.ToxiproxyApi;
import dev.gameday.text.BindFailure;
import dev.gameday.proxy.net.HostPort;
import dev.gameday.proxy.net.ListenClaims;
import dev.gameday.proxy.net.ProxyCollection;
import dev.gameday.proxy.net.Transport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Gameday's embedded Toxiproxy-compatible server: the Toxiproxy 2.x HTTP API on {@link #url()} and
 * the TCP proxies it creates. The API runs on a Vert.x event loop of the caller's Vert.x; the proxies'
 * sockets on event loops of their own (native epoll where available). Drive it with any Toxiproxy client.
 */
public final class EmbeddedToxiproxy {

    private final Vertx vertx;
    private final String deploymentId;
    private final int port;
    private final String urlHost;
    private final String transport;
    private Future<Void> closing;

    private EmbeddedToxiproxy(Vertx vertx, String deploymentId, int port, String urlHost, String transport) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.port = port;
        this.urlHost = urlHost;
        this.transport = transport;
    }

    /**
     * Starts the API on {@code host:port} (port 0 picks a free port). The future fails with a one-line
     * message such as {@code cannot listen on 127.0.0.1:8474: address already in use}.
     */
    public static Future<EmbeddedToxiproxy> start(Vertx vertx, String host, int port) {
        return start(vertx, host, port, "");
    }

    /**
     * As above, with the proxies' data path on {@code transport}: {@code epoll}, {@code nio}, or blank for
     * the one {@link Transport#PROPERTY} asks for, else the best.
     */
    public static Future<EmbeddedToxiproxy> start(Vertx vertx, String host, int port, String transport) {
        Server server = new Server(new HostPort(host, port), transport);
        return vertx.deployVerticle(server).map(id -> new EmbeddedToxiproxy(vertx, id, server.actualPort, urlHost(host), server.transport.name()));
    }

    /** The port of the HTTP API. */
    public int port() {
        return port;
    }

    /** The Netty transport of the proxies' data path: {@code epoll} or {@code nio} (see {@link Transport}). */
    public String transport() {
        return transport;
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:8474}. */
    public String url() {
        return "http://" + urlHost + ":" + port;
    }

    /** Closes the API listener, every proxy listener and every proxied connection. */
    public synchronized Future<Void> close() {
        if (closing == null) {
            closing = vertx.undeploy(deploymentId);
        }
        return closing;
    }

    private static String urlHost(String host) {
        return switch (host) {
            case "0.0.0.0", "::", "[::]", "localhost", "" -> "127.0.0.1";
            default -> host.contains(":") ? "[" + host + "]" : host;
        };
    }

    /** The API server, deployed as a verticle: the proxies are driven from its context. */
    private static final class Server extends VerticleBase {
        private final HostPort address;
        private final String transportName;
        private ListenClaims claims;
        private Transport transport;
        private ProxyCollection proxies;
        private HttpServer http;
        private volatile int actualPort;

        Server(HostPort address, String transportName) {
            this.address = address;
            this.transportName = transportName;
        }

        @Override
        public Future<?> start() {
            transport = Transport.create(transportName);
            claims = new ListenClaims(vertx);
            if (!claims.claim(address)) {
                return Future.fromCompletionStage(transport.close(), context)
                        .transform(v -> Future.failedFuture(bindFailure("address already in use")));
            }
            proxies = new ProxyCollection(transport, context);
            http = vertx.createHttpServer();
            return http.requestHandler(ToxiproxyApi.handler(vertx, proxies, version()))
                    .listen(address.port(), address.host())
                    .map(bound -> {
                        actualPort = bound.actualPort();
                        return bound;
                    })
                    .recover(failure -> {
                        claims.release(address);
                        return shutdown().transform(v -> Future.failedFuture(bindFailure(BindFailure.reason(failure))));
                    });
        }

        private IllegalStateException bindFailure(String reason) {
            return new IllegalStateException("cannot listen on " + address + ": " + reason);
        }

        @Override
        public Future<?> stop() {
            claims.release(address);
            return shutdown();
        }

        /** The proxies' sockets, then their event loops, then the API listener. */
        private Future<Void> shutdown() {
            return proxies.close()
                    .eventually(() -> Future.fromCompletionStage(transport.close(), context))
                    .eventually(http::close);
        }

        private static String version() {
            String version = EmbeddedToxiproxy.class.getPackage().getImplementationVersion();
            return "gameday-" + (version == null ? "dev" : version);
        }
    }
}
