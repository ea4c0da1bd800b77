package dev.gameday.proxy.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.internal.net.NetSocketInternal;

/** The TCP controls Vert.x does not expose on {@code NetSocket}: half-close and abortive close. */
final class Sockets {

    private Sockets() {}

    /**
     * Keeps the socket open after the peer's FIN, which then arrives as {@link #END_OF_INPUT} behind the
     * data before it, lets reads grow to 256 KiB under bulk load (fewer, larger chunks: fewer syscalls per byte), and
     * queues up to 1 MiB of writes before back-pressure, so one big chunk does not pause the source.
     */
    static void configure(NetSocketInternal socket) {
        socket.setWriteQueueMaxSize(1024 * 1024);
        ChannelHandlerContext vertx = socket.channelHandlerContext();
        vertx.pipeline().addBefore(vertx.name(), "gameday-end-of-input", END_OF_INPUT_AS_MESSAGE);
        ChannelConfig config = channel(socket).config();
        config.setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        config.setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 256 * 1024));
    }

    /** Stands in the message stream for the peer's FIN; see {@link #configure}. */
    static final Object END_OF_INPUT = new Object() {
        @Override
        public String toString() {
            return "END_OF_INPUT";
        }
    };

    /**
     * Ahead of Vert.x's handler, turns the peer's FIN into a message behind the data read before it.
     * Vert.x hands pipeline events over at once but holds messages while a socket is paused, so a FIN
     * seen as an event overtakes data still held, which would then be lost.
     */
    private static final class EndOfInputAsMessage extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                ctx.fireChannelRead(END_OF_INPUT);
                ctx.fireChannelReadComplete();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public boolean isSharable() {
            return true;
        }
    }

    private static final EndOfInputAsMessage END_OF_INPUT_AS_MESSAGE = new EndOfInputAsMessage();

    /** Sends FIN once everything written so far has gone out; reading stays open. */
    static void shutdownOutput(NetSocketInternal socket) {
        // an empty write completes after every earlier one: shutting down sooner would drop them
        socket.writeMessage(Unpooled.EMPTY_BUFFER).onComplete(done -> {
            Channel channel = channel(socket);
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                duplex.shutdownOutput();
            }
        });
    }

    /** Closes with SO_LINGER 0: the kernel drops unsent data and sends RST. */
    static void reset(NetSocketInternal socket) {
        Channel channel = channel(socket);
        if (channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            closeNow(socket);
        }
    }

    /**
     * Closes now, dropping writes still queued in the proxy. Vert.x's own handler turns a close into
     * "close once every queued write is flushed", which never happens if the peer stops reading; the
     * close is therefore issued from Vert.x's handler context, so it goes straight to the transport.
     */
    static void closeNow(NetSocketInternal socket) {
        if (channel(socket).isOpen()) {
            socket.channelHandlerContext().close();
        }
    }

    static Channel channel(NetSocketInternal socket) {
        return socket.channelHandlerContext().channel();
    }
}
