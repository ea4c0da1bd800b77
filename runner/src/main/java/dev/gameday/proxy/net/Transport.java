package dev.gameday.proxy.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Netty transport and event loops of the proxies' data path: native epoll where it loads
 * (microsecond timers, fewer copies and syscalls), else NIO. {@code -Dgameday.proxy.transport=nio}
 * (or {@code epoll}, which then must load) chooses. The HTTP API stays on Vert.x; this is plain,
 * public Netty API.
 */
public final class Transport {

    /** The system property that chooses the transport: {@code epoll}, {@code nio}, or unset for the best. */
    public static final String PROPERTY = "gameday.proxy.transport";

    /** The sink's write buffer: above it the source is paused, below half it resumes. */
    private static final WriteBufferWaterMark WRITE_BUFFER = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    /** Reads grow to 256 KiB under bulk load: fewer, larger chunks, fewer syscalls per byte. */
    private static final AdaptiveRecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 256 * 1024);

    private final String name;
    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends Channel> channel;

    private Transport(String name, IoHandlerFactory io, Class<? extends ServerChannel> serverChannel, Class<? extends Channel> channel) {
        this.name = name;
        // one thread per core: both sockets of a connection are on one loop, so no locking
        this.group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("gameday-proxy-" + name, true), io);
        this.serverChannel = serverChannel;
        this.channel = channel;
    }

    /**
     * {@code epoll} (which then must load) or {@code nio}; for a blank {@code name}, the one {@link #PROPERTY}
     * asks for, and epoll when that is unset too and epoll loads, else NIO.
     */
    public static Transport create(String name) {
        String wanted = (name.isBlank() ? System.getProperty(PROPERTY, "") : name).strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "nio":
                return nio();
            case "epoll":
                Epoll.ensureAvailability();
                return epoll();
            case "":
                return Epoll.isAvailable() ? epoll() : nio();
            default:
                throw new IllegalArgumentException("the proxies' transport (" + PROPERTY + ") must be epoll or nio, got '"
                        + wanted + "'");
        }
    }

    private static Transport epoll() {
        return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class, EpollSocketChannel.class);
    }

    private static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /** {@code epoll} or {@code nio}. */
    public String name() {
        return name;
    }

    /** A listener whose accepted sockets start paused (reading nothing until set up). */
    ServerBootstrap server() {
        return new ServerBootstrap().group(group).channel(serverChannel)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_BUFFER)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS);
    }

    /** A connection from {@code loop} (a client socket's loop, so both sockets share it), paused. */
    Bootstrap client(EventLoop loop) {
        return new Bootstrap().group(loop).channel(channel)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_BUFFER)
                .option(ChannelOption.RCVBUF_ALLOCATOR, READS);
    }

    /** Stops the event loops (after the proxies have closed their sockets); completes when they have. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(done -> stopped.complete(null));
        return stopped;
    }
}
