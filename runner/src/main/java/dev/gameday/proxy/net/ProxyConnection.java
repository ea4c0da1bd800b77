package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.ConfiguredToxic;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One accepted client connection and its connection to the upstream server: two {@link ToxicLink}s.
 * A FIN from either peer half-closes the other side once the toxics have let everything through; an
 * error (e.g. a reset) on one side resets the other; the connection is done when both sockets are
 * closed. Runs on the client socket's event loop; the upstream socket is opened on the same loop.
 */
final class ProxyConnection {

    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final Channel client;
    private final EventLoop loop;
    private final TrafficCounters traffic;
    private final Consumer<ProxyConnection> onDone;
    private final Promise<Void> done;
    /** What the client sent before the upstream connection was made, and whether its FIN came too. */
    private final List<ByteBuf> early = new ArrayList<>();
    private boolean earlyEnd;
    private Channel upstream;
    private ToxicLink upLink;
    private ToxicLink downLink;
    private boolean closing;
    private boolean finished;
    private int outputsEnded;

    private ProxyConnection(Channel client, TrafficCounters traffic, Consumer<ProxyConnection> onDone) {
        this.client = client;
        this.loop = client.eventLoop();
        this.traffic = traffic;
        this.onDone = onDone;
        this.done = loop.newPromise();
    }

    /**
     * Takes over an accepted client socket (reading nothing yet) and connects it to the upstream
     * server; {@code toxics} gives the toxics of a direction when the links start, once connected.
     */
    static ProxyConnection open(Channel client, Transport transport, HostPort upstream,
            Function<ConfiguredToxic.Stream, List<ConfiguredToxic>> toxics, TrafficCounters traffic, Consumer<ProxyConnection> onDone) {
        ProxyConnection connection = new ProxyConnection(client, traffic, onDone);
        client.pipeline().addLast(connection.new Side(true));
        client.closeFuture().addListener(f -> connection.socketClosed());
        ChannelFuture connecting = transport.client(connection.loop).handler(connection.new Side(false))
                .connect(upstream.host(), upstream.port());
        connecting.addListener(f -> connection.connected(connecting.channel(), f.isSuccess(), toxics));
        return connection;
    }

    private void connected(Channel server, boolean success, Function<ConfiguredToxic.Stream, List<ConfiguredToxic>> toxics) {
        if (!success || closing || !client.isActive()) {
            server.close();
            closeWithin(0);
            return;
        }
        upstream = server;
        server.closeFuture().addListener(f -> socketClosed());
        upLink = new ToxicLink(this, client, server, toxics.apply(ConfiguredToxic.Stream.UPSTREAM), traffic.upstream);
        downLink = new ToxicLink(this, server, client, toxics.apply(ConfiguredToxic.Stream.DOWNSTREAM), traffic.downstream);
        early.forEach(upLink::data);
        early.clear();
        upLink.readComplete();
        if (earlyEnd) {
            downLink.sinkEnded();
            upLink.end();
        }
        client.config().setAutoRead(true);
        server.config().setAutoRead(true);
    }

    /** Runs {@code action} on this connection's event loop. */
    void run(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    /** Runs {@code action} on this connection's event loop; the future completes when it has run. */
    io.netty.util.concurrent.Future<?> submit(Runnable action) {
        return loop.submit(action);
    }

    /** The link of {@code stream}; null until the upstream connection is made. */
    ToxicLink link(ConfiguredToxic.Stream stream) {
        return stream == ConfiguredToxic.Stream.UPSTREAM ? upLink : downLink;
    }

    /** Completes when both sockets are closed. */
    io.netty.util.concurrent.Future<Void> done() {
        return done;
    }

    /** One direction has ended: FIN to its sink once what was written before has gone; both ended, closed. */
    void outputEnded(Channel sink) {
        // shutting the output down fails writes still queued: wait for them first
        sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && sink instanceof DuplexChannel duplex && sink.isActive()) {
                duplex.shutdownOutput();
            }
        });
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
    }

    private void closeSocket(Channel socket, long graceMillis) {
        if (graceMillis == 0 || !socket.isActive()) {
            socket.close();
            return;
        }
        socket.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        loop.schedule(() -> socket.close(), graceMillis, TimeUnit.MILLISECONDS);
    }

    /** Aborts both sockets with RST. */
    void reset() {
        closing = true;
        reset(client);
        if (upstream != null) {
            reset(upstream);
        }
    }

    /** Closes with SO_LINGER 0: the kernel drops unsent data and sends RST. */
    private static void reset(Channel socket) {
        if (socket.isOpen()) {
            socket.config().setOption(ChannelOption.SO_LINGER, 0);
            socket.close();
        }
    }

    /** A peer reset its socket or a write failed: pass it on as a reset. */
    private void failed(Channel socket) {
        if (!closing) {
            reset();
        } else {
            socket.close();
        }
    }

    private void socketClosed() {
        if (!closing) {
            // the peer went away without a FIN we could pass on (e.g. an outage of our own): close the other side too
            close();
        }
        if (!client.isOpen() && (upstream == null || !upstream.isOpen())) {
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
            early.forEach(ByteBuf::release);
            early.clear();
            onDone.accept(this);
            done.trySuccess(null);
        });
    }

    /** The events of one socket, handed to the link that reads it or writes to it. */
    private final class Side extends ChannelInboundHandlerAdapter {
        private final boolean isClient;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        /** The link reading this socket. */
        private ToxicLink reading() {
            return isClient ? upLink : downLink;
        }

        /** The link writing to this socket. */
        private ToxicLink writing() {
            return isClient ? downLink : upLink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ToxicLink link = reading();
            if (closing || !(message instanceof ByteBuf chunk)) {
                ReferenceCountUtil.release(message);
            } else if (link != null) {
                link.data(chunk);
            } else if (isClient) {
                // epoll reads a peer that has sent FIN even while paused: keep it for the link
                early.add(chunk);
            } else {
                chunk.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ToxicLink link = reading();
            if (link != null) {
                link.readComplete();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            ToxicLink link = reading();
            if (!(event instanceof ChannelInputShutdownEvent) || closing) {
                return;
            }
            if (link != null) {
                writing().sinkEnded();
                link.end();
            } else if (isClient) {
                earlyEnd = true;
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            ToxicLink link = writing();
            if (link != null && ctx.channel().isWritable()) {
                link.writable();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failed(ctx.channel());
        }
    }
}
