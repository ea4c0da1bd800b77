package dev.gameday.proxy.toxic;

import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import dev.gameday.toxic.Unit;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code slicer}: cuts chunks into pieces of {@code average_size} ± {@code size_variation} bytes and
 * waits {@code delay} µs after each piece, so the reader sees many small reads.
 */
public final class SlicerToxic implements Toxic {

    @Override
    public String name() {
        return "slicer";
    }

    @Override
    public String description() {
        return "splits data into pieces of average_size ± size_variation bytes, delay µs apart";
    }

    /** Sizes up to 2 GiB − 1 bytes; the delay (µs) up to a day. */
    @Override
    public List<Attribute> attributes() {
        return List.of(
                new Attribute("average_size", Unit.BYTES, true, true, Integer.MAX_VALUE, "average size of a piece"),
                new Attribute("size_variation", Unit.BYTES, false, true, Integer.MAX_VALUE, "± variation of the size"),
                new Attribute("delay", Unit.MICROS, false, true, Attribute.DAY_MILLIS * 1000, "pause between pieces"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "data sliced into ~" + FaultKind.value(attributes, "average_size") + "-byte pieces "
                + FaultKind.value(attributes, "delay") + " µs apart";
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Parsers that assume whole messages break on fragments", "protocol errors; parse failures"),
                new Risk("Latency and CPU rise with many small packets", "latency; CPU of the caller"));
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Slices(attributes, out, link);
    }

    private static final class Slices extends HoldingStage {
        private long average;
        private long variation;
        private long delayNanos;

        Slices(ToxicAttributes attributes, Outlet out, Link link) {
            super(out, link);
            update(attributes);
        }

        @Override
        public void update(ToxicAttributes attributes) {
            average = attributes.get("average_size");
            variation = attributes.get("size_variation");
            delayNanos = TimeUnit.MICROSECONDS.toNanos(attributes.get("delay"));
        }

        private int pieceSize() {
            long size = average;
            if (variation > 0) {
                size += ThreadLocalRandom.current().nextLong(-variation, variation + 1);
            }
            return (int) Math.max(1, Math.min(size, Integer.MAX_VALUE));
        }

        @Override
        protected void release() {
            while (!held.isEmpty()) {
                ByteBuf head = held.peek().chunk();
                int size = pieceSize();
                out.data(size >= head.readableBytes() ? held.poll().chunk() : head.readRetainedSlice(size), System.nanoTime());
                if (delayNanos > 0) {
                    wakeIn(delayNanos);
                    return;
                }
            }
        }
    }
}
