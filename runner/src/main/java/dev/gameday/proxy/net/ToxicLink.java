package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.Toxic;
import dev.gameday.proxy.toxic.ToxicSpec;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.internal.net.NetSocketInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: reads chunks from {@code source}, runs them through the chain
 * of toxic stages (see {@link Toxic}) and writes them to {@code sink}. Back-pressure: the source is
 * paused while the sink's write queue is full or while the toxics hold more than {@link #HIGH_WATER}
 * bytes, so a slow reader or a slow toxic never makes the proxy buffer without bound. Everything runs
 * on the connection's event loop.
 */
final class ToxicLink implements Toxic.Link {

    /** Bytes held by toxics (e.g. delayed by latency) before the source is paused. */
    static final int HIGH_WATER = 4 * 1024 * 1024;

    private static final int LOW_WATER = HIGH_WATER / 2;

    private final ProxyConnection connection;
    private final NetSocketInternal source;
    private final NetSocketInternal sink;
    private final EventExecutor loop;
    private final TrafficCounters.Flow traffic;
    private final List<Slot> slots = new ArrayList<>();
    private final Toxic.Outlet toSink = new SinkOutlet();
    private Toxic.Outlet head = toSink;
    private long inFlight;
    private boolean paused;
    private boolean closed;

    ToxicLink(ProxyConnection connection, NetSocketInternal source, NetSocketInternal sink, List<ToxicSpec> toxics,
            TrafficCounters.Flow traffic) {
        this.connection = connection;
        this.traffic = traffic;
        this.source = source;
        this.sink = sink;
        this.loop = source.channelHandlerContext().executor();
        sink.drainHandler(v -> resumeIfRoom());
        toxics.forEach(this::add);
    }

    /**
     * A message from the source's pipeline: data, the end of the source's input (its peer's FIN), or
     * anything else Netty passes (released).
     */
    void onMessage(Object message) {
        if (message == Sockets.END_OF_INPUT) {
            connection.inputEnded(this);
            head.end();
        } else if (message instanceof ByteBuf chunk && chunk.isReadable()) {
            inFlight += chunk.readableBytes();
            traffic.received.add(chunk.readableBytes());
            head.data(chunk, System.nanoTime());
            if (!paused && (inFlight > HIGH_WATER || sink.writeQueueFull())) {
                paused = true;
                source.pause();
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    private void resumeIfRoom() {
        if (paused && inFlight <= LOW_WATER && !sink.writeQueueFull()) {
            paused = false;
            source.resume();
        }
    }

    void add(ToxicSpec spec) {
        Slot slot = new Slot(spec);
        slots.add(slot);
        relink();
        if (applies(spec)) {
            slot.stage = spec.toxic().open(spec.attributes(), slot.exit, this);
        }
    }

    void update(ToxicSpec spec) {
        Slot slot = find(spec.name());
        if (slot == null) {
            return;
        }
        slot.spec = spec;
        boolean applies = applies(spec);
        if (slot.stage != null && applies) {
            slot.stage.update(spec.attributes());
        } else if (slot.stage != null) {
            Toxic.Stage old = slot.stage;
            slot.stage = null;
            old.flush();
            old.close();
        } else if (applies && !slot.exit.ended) {
            slot.stage = spec.toxic().open(spec.attributes(), slot.exit, this);
        }
    }

    void remove(String name) {
        Slot slot = find(name);
        if (slot == null) {
            return;
        }
        slots.remove(slot);
        relink();
        if (slot.stage != null) {
            Toxic.Stage stage = slot.stage;
            slot.stage = null;
            stage.removed();
            stage.close();
        }
    }

    /** The peer of the sink has ended its side: tell the stages. */
    void sinkEnded() {
        for (Slot slot : List.copyOf(slots)) {
            if (slot.stage != null) {
                slot.stage.sinkEnded();
            }
        }
    }

    /** The connection is gone: stop every stage and release what they hold. */
    void shutdown() {
        closed = true;
        for (Slot slot : slots) {
            if (slot.stage != null) {
                slot.stage.close();
            }
        }
    }

    private static boolean applies(ToxicSpec spec) {
        return ThreadLocalRandom.current().nextFloat() < spec.toxicity();
    }

    private Slot find(String name) {
        for (Slot slot : slots) {
            if (slot.spec.name().equals(name)) {
                return slot;
            }
        }
        return null;
    }

    private void relink() {
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).exit.next = i + 1 < slots.size() ? slots.get(i + 1) : toSink;
        }
        head = slots.isEmpty() ? toSink : slots.get(0);
    }

    @Override
    public Toxic.Cancellable schedule(long delayNanos, Runnable action) {
        ScheduledFuture<?> future = loop.schedule(() -> {
            if (!closed) {
                action.run();
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void discard(ByteBuf chunk) {
        inFlight -= chunk.readableBytes();
        chunk.release();
        resumeIfRoom();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public void reset() {
        connection.reset();
    }

    /** The last outlet: writes to the sink; the end of the stream half-closes it. */
    private final class SinkOutlet implements Toxic.Outlet {
        private boolean ended;

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            inFlight -= chunk.readableBytes();
            if (closed || ended) {
                chunk.release();
                return;
            }
            traffic.sent.add(chunk.readableBytes());
            sink.writeMessage(chunk);
            if (paused) {
                resumeIfRoom();
            } else if (sink.writeQueueFull()) {
                paused = true;
                source.pause();
            }
        }

        @Override
        public void end() {
            if (!ended) {
                ended = true;
                connection.outputEnded(sink);
            }
        }
    }

    /** A toxic's place in the chain; its inlet bypasses the toxic where toxicity ruled it out. */
    private static final class Slot implements Toxic.Outlet {
        final Exit exit = new Exit();
        ToxicSpec spec;
        Toxic.Stage stage;

        Slot(ToxicSpec spec) {
            this.spec = spec;
        }

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            if (stage != null) {
                stage.data(chunk, timestampNanos);
            } else {
                exit.data(chunk, timestampNanos);
            }
        }

        @Override
        public void end() {
            if (stage != null) {
                stage.end();
            } else {
                exit.end();
            }
        }
    }

    /** What a stage writes to: the next slot or the sink, and the end passed on once. */
    private static final class Exit implements Toxic.Outlet {
        Toxic.Outlet next;
        boolean ended;

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            next.data(chunk, timestampNanos);
        }

        @Override
        public void end() {
            if (!ended) {
                ended = true;
                next.end();
            }
        }
    }
}
