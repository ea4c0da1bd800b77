package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code bandwidth}: at most {@code rate} KB/s (1 KB = 1000 B) per link; 0 lets nothing through. Like
 * Toxiproxy, a piece waits for its own transmission time before it goes out, and big chunks leave in
 * pieces of 100 ms worth of bytes so the rate stays smooth.
 */
public final class BandwidthToxic implements Toxic {

    @Override
    public String type() {
        return "bandwidth";
    }

    @Override
    public List<String> attributes() {
        return List.of("rate");
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Throttle(attributes, out, link);
    }

    private static final class Throttle implements Stage {
        private final Outlet out;
        private final Link link;
        private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
        private long rate;
        private long nextFree = System.nanoTime();
        private long pieceAt = -1;
        private int pieceSize;
        private Cancellable timer;
        private boolean ended;

        Throttle(ToxicAttributes attributes, Outlet out, Link link) {
            this.out = out;
            this.link = link;
            this.rate = attributes.get("rate");
        }

        @Override
        public void update(ToxicAttributes attributes) {
            rate = attributes.get("rate");
            cancel();
            pieceAt = -1;
            pump();
        }

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            held.add(chunk);
            if (timer == null) {
                pump();
            }
        }

        private void pump() {
            timer = null;
            long now = System.nanoTime();
            while (!held.isEmpty()) {
                if (rate <= 0) {
                    return;
                }
                ByteBuf head = held.peek();
                if (pieceAt < 0) {
                    pieceSize = (int) Math.min(head.readableBytes(), Math.max(1, rate * 100));
                    // rate KB/s = rate bytes/ms: a piece of n bytes takes n * 1e6 / rate ns
                    pieceAt = Math.max(now, nextFree) + pieceSize * 1_000_000L / rate;
                }
                if (pieceAt - now > 0) {
                    timer = link.schedule(pieceAt - now, this::pump);
                    return;
                }
                nextFree = pieceAt;
                pieceAt = -1;
                if (pieceSize >= head.readableBytes()) {
                    out.data(held.poll(), now);
                } else {
                    out.data(head.readRetainedSlice(pieceSize), now);
                }
            }
            if (ended) {
                out.end();
            }
        }

        @Override
        public void end() {
            ended = true;
            if (held.isEmpty()) {
                out.end();
            }
        }

        @Override
        public void flush() {
            cancel();
            long now = System.nanoTime();
            while (!held.isEmpty()) {
                out.data(held.poll(), now);
            }
            if (ended) {
                out.end();
            }
        }

        @Override
        public void close() {
            cancel();
            held.forEach(ByteBuf::release);
            held.clear();
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }
}
