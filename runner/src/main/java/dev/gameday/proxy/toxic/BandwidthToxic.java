package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
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

    /** Up to 1 TB/s, far above any link, so that 100 ms worth of bytes still fits in a long. */
    @Override
    public long maximum(String attribute) {
        return 1_000_000_000L;
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Throttle(attributes, out, link);
    }

    private static final class Throttle extends HoldingStage {
        private long rate;
        private long nextFree = System.nanoTime();
        private long pieceAt = -1;
        private int pieceSize;

        Throttle(ToxicAttributes attributes, Outlet out, Link link) {
            super(out, link);
            this.rate = attributes.get("rate");
        }

        @Override
        public void update(ToxicAttributes attributes) {
            rate = attributes.get("rate");
            pieceAt = -1;
            restart();
        }

        @Override
        protected void release() {
            long now = System.nanoTime();
            while (!held.isEmpty() && rate > 0) {
                ByteBuf head = held.peek().chunk();
                if (pieceAt < 0) {
                    pieceSize = (int) Math.min(head.readableBytes(), Math.max(1, rate * 100));
                    // rate KB/s = rate bytes/ms: a piece of n bytes takes n * 1e6 / rate ns
                    pieceAt = Math.max(now, nextFree) + pieceSize * 1_000_000L / rate;
                }
                if (pieceAt - now > 0) {
                    wakeIn(pieceAt - now);
                    return;
                }
                nextFree = pieceAt;
                pieceAt = -1;
                out.data(pieceSize >= head.readableBytes() ? held.poll().chunk() : head.readRetainedSlice(pieceSize), now);
            }
        }
    }
}
