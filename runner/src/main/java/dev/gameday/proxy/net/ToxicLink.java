package dev.gameday.proxy.net;

import dev.gameday.proxy.toxic.Toxic;
import dev.gameday.proxy.toxic.ConfiguredToxic;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: reads chunks from {@code source}, runs them through the chain
 * of toxic stages (see {@link Toxic}) and writes them to {@code sink}. Back-pressure: the source is
 * paused while the sink's write buffer is over its high-water mark or while the toxics hold more than
 * {@link #HIGH_WATER} bytes, so a slow reader or a slow toxic never makes the proxy buffer without
 * bound. Everything runs on the connection's event loop.
 */
final class ToxicLink implements Toxic.Link {

    /** Bytes held by toxics (e.g. delayed by latency) before the source is paused. */
    static final int HIGH_WATER = 4 * 1024 * 1024;

    private static final int LOW_WATER = HIGH_WATER / 2;

    private final ProxyConnection connection;
    private final Channel source;
    private final Channel sink;
    private final EventExecutor loop;
    private final TrafficCounters.Flow traffic;
    private final List<Slot> slots = new ArrayList<>();
    private final Toxic.Outlet toSink = new SinkOutlet();
    private Toxic.Outlet head = toSink;
    private long inFlight;
    private boolean paused;
    private boolean reading;
    private boolean unflushed;
    private boolean closed;

    ToxicLink(ProxyConnection connection, Channel source, Channel sink, List<ConfiguredToxic> toxics, TrafficCounters.Flow traffic) {
        this.connection = connection;
        this.source = source;
        this.sink = sink;
        this.loop = source.eventLoop();
        this.traffic = traffic;
        toxics.forEach(this::add);
    }

    /** A chunk read from the source; writes are flushed once the read burst is over ({@link #readComplete}). */
    void data(ByteBuf chunk) {
        int size = chunk.readableBytes();
        if (size == 0) {
            chunk.release();
            return;
        }
        reading = true;
        inFlight += size;
        traffic.received.add(size);
        head.data(chunk, System.nanoTime());
        if (!paused && (inFlight > HIGH_WATER || !sink.isWritable())) {
            pause();
        }
    }

    void readComplete() {
        reading = false;
        flush();
    }

    /** The source's peer sent FIN: the end travels the chain behind the data before it. */
    void end() {
        head.end();
    }

    /** The sink has room again. */
    void writable() {
        resumeIfRoom();
    }

    private void pause() {
        paused = true;
        source.config().setAutoRead(false);
    }

    private void resumeIfRoom() {
        if (paused && !closed && inFlight <= LOW_WATER && sink.isWritable()) {
            paused = false;
            source.config().setAutoRead(true);
        }
    }

    private void flush() {
        if (unflushed) {
            unflushed = false;
            sink.flush();
        }
    }

    void add(ConfiguredToxic spec) {
        if (find(spec.name()) != null) {
            return; // a connection starting while the toxic was added may have it already
        }
        Slot slot = new Slot(spec);
        slots.add(slot);
        relink();
        if (applies(spec)) {
            slot.stage = spec.toxic().open(spec.attributes(), slot.exit, this);
        }
    }

    void update(ConfiguredToxic spec) {
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
        flush();
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
        flush();
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

    private static boolean applies(ConfiguredToxic spec) {
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
                flush();
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
            int size = chunk.readableBytes();
            inFlight -= size;
            if (closed || ended || !sink.isActive()) {
                chunk.release();
                return;
            }
            traffic.sent.add(size);
            sink.write(chunk, sink.voidPromise());
            unflushed = true;
            if (!reading) {
                flush();
            }
            if (paused) {
                resumeIfRoom();
            } else if (!sink.isWritable()) {
                pause();
            }
        }

        @Override
        public void end() {
            if (!ended) {
                ended = true;
                flush();
                connection.outputEnded(sink);
            }
        }
    }

    /** A toxic's place in the chain; its inlet bypasses the toxic where toxicity ruled it out. */
    private static final class Slot implements Toxic.Outlet {
        final Exit exit = new Exit();
        ConfiguredToxic spec;
        Toxic.Stage stage;

        Slot(ConfiguredToxic spec) {
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
