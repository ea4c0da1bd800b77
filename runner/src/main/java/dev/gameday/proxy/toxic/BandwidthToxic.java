package dev.gameday.proxy.toxic;

import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import dev.gameday.toxic.Unit;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;

/**
 * {@code bandwidth}: at most {@code rate} KB/s (1 KB = 1000 B) per link; 0 lets nothing through. Like
 * Toxiproxy, a piece waits for its own transmission time before it goes out, and big chunks leave in
 * pieces of 100 ms worth of bytes so the rate stays smooth.
 */
public final class BandwidthToxic implements Toxic {

    @Override
    public String name() {
        return "bandwidth";
    }

    @Override
    public String description() {
        return "limits each connection to rate KB/s (1 KB = 1000 bytes); rate 0 lets nothing through";
    }

    /** Up to 1 TB/s, far above any link, so that 100 ms worth of bytes still fits in a long. */
    @Override
    public List<Attribute> attributes() {
        return List.of(new Attribute("rate", Unit.KB_PER_SECOND, true, true, 1_000_000_000L, "the rate per connection"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "bandwidth capped at " + FaultKind.value(attributes, "rate") + " KB/s";
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Large payloads time out while small ones pass", "latency by response size; download timeouts"),
                new Risk("Bulk jobs fall behind", "job duration; backlog"));
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
