package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.ToxicSpec;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One accepted client connection and its connection to the upstream server: two {@link ToxicLink}s.
 * A FIN from either peer half-closes the other side once the toxics have let everything through; an
 * error (e.g. a reset) on one side resets the other; the connection is done when both sockets are
 * closed. Runs on the client socket's event loop (the upstream socket is opened from it).
 */
final class ProxyConnection {

    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final NetSocketInternal client;
    private final EventExecutor loop;
    private final TrafficCounters traffic;
    private final Consumer<ProxyConnection> onDone;
    private final Promise<Void> done = Promise.promise();
    private final List<Object> early = new ArrayList<>();
    private NetSocketInternal upstream;
    private ToxicLink upLink;
    private ToxicLink downLink;
    private boolean closing;
    private boolean failed;
    private boolean finished;
    private int outputsEnded;
    private int socketsClosed;

    private ProxyConnection(NetSocketInternal client, TrafficCounters traffic, Consumer<ProxyConnection> onDone) {
        this.client = client;
        this.traffic = traffic;
        this.loop = client.channelHandlerContext().executor();
        this.onDone = onDone;
    }

    /**
     * Takes over an accepted client socket and connects it to the upstream server; {@code toxics}
     * gives the toxics of a direction when the links start (after the upstream connection is made).
     */
    static ProxyConnection open(NetSocket socket, NetClient netClient, String host, int port,
            Function<ToxicSpec.Stream, List<ToxicSpec>> toxics, TrafficCounters traffic,
            Consumer<ProxyConnection> onDone) {
        ProxyConnection connection = new ProxyConnection((NetSocketInternal) socket, traffic, onDone);
        connection.start(netClient, host, port, toxics);
        return connection;
    }

    private void start(NetClient netClient, String host, int port,
            Function<ToxicSpec.Stream, List<ToxicSpec>> toxics) {
        Sockets.configure(client);
        client.messageHandler(early::add);
        client.exceptionHandler(e -> failed = true);
        client.closeHandler(v -> socketClosed(client));
        client.pause();
        netClient.connect(port, host).onComplete(connected -> {
            if (connected.failed() || closing) {
                if (connected.succeeded()) {
                    connected.result().close();
                }
                close();
                return;
            }
            wire((NetSocketInternal) connected.result(), toxics);
        });
    }

    private void wire(NetSocketInternal server, Function<ToxicSpec.Stream, List<ToxicSpec>> toxics) {
        upstream = server;
        Sockets.configure(server);
        upLink = new ToxicLink(this, client, server, toxics.apply(ToxicSpec.Stream.UPSTREAM), traffic.upstream);
        downLink = new ToxicLink(this, server, client, toxics.apply(ToxicSpec.Stream.DOWNSTREAM), traffic.downstream);
        server.messageHandler(downLink::onMessage);
        server.exceptionHandler(e -> failed = true);
        server.closeHandler(v -> socketClosed(server));
        client.messageHandler(upLink::onMessage);
        early.forEach(upLink::onMessage);
        early.clear();
        client.resume();
    }

    /** Runs {@code action} on this connection's event loop. */
    void run(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    ToxicLink link(ToxicSpec.Stream stream) {
        return stream == ToxicSpec.Stream.UPSTREAM ? upLink : downLink;
    }

    /** Completes when both sockets are closed. */
    Future<Void> done() {
        return done.future();
    }

    /** The source of {@code link} has sent FIN: the other link's sink is that peer. */
    void inputEnded(ToxicLink link) {
        (link == upLink ? downLink : upLink).sinkEnded();
    }

    /** One direction has ended: FIN to its sink; once both have, the connection is closed. */
    void outputEnded(NetSocketInternal sink) {
        Sockets.shutdownOutput(sink);
        if (++outputsEnded == 2) {
            close();
        }
    }

    /** Closes both sockets after what was written so far, waiting for it at most {@link #CLOSE_GRACE_MILLIS}. */
    void close() {
        closeWithin(CLOSE_GRACE_MILLIS);
    }

    /**
     * Closes both sockets; what the proxy still queues for a peer is sent first if it drains within
     * {@code graceMillis}, then dropped (a peer that never reads must not keep the connection alive:
     * 0 drops it at once, as for an outage).
     */
    void closeWithin(long graceMillis) {
        boolean first = !closing;
        closing = true;
        if (first || graceMillis == 0) {
            closeSocket(client, graceMillis);
            if (upstream != null) {
                closeSocket(upstream, graceMillis);
            }
        }
        if (upstream == null && socketsClosed == 1) {
            finish();
        }
    }

    private void closeSocket(NetSocketInternal socket, long graceMillis) {
        if (graceMillis == 0) {
            Sockets.closeNow(socket);
            return;
        }
        socket.close();
        loop.schedule(() -> Sockets.closeNow(socket), graceMillis, TimeUnit.MILLISECONDS);
    }

    /** Aborts both sockets with RST. */
    void reset() {
        closing = true;
        Sockets.reset(client);
        if (upstream != null) {
            Sockets.reset(upstream);
        }
    }

    private void socketClosed(NetSocketInternal socket) {
        socketsClosed++;
        if (!closing) {
            // the peer went away: pass it on, a reset as a reset
            closing = true;
            NetSocketInternal other = socket == client ? upstream : client;
            if (other != null) {
                if (failed) {
                    Sockets.reset(other);
                } else {
                    closeSocket(other, CLOSE_GRACE_MILLIS);
                }
            }
        }
        if (socketsClosed == (upstream == null ? 1 : 2)) {
            finish();
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        // stages are stopped on a later turn of the loop: a toxic may be closing us from inside its own call
        loop.execute(() -> {
            if (upLink != null) {
                upLink.shutdown();
                downLink.shutdown();
            }
            early.forEach(ReferenceCountUtil::release);
            early.clear();
            onDone.accept(this);
            done.tryComplete();
        });
    }
}
