package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code slicer}: cuts chunks into pieces of {@code average_size} ± {@code size_variation} bytes and
 * waits {@code delay} µs after each piece, so the reader sees many small reads.
 */
public final class SlicerToxic implements Toxic {

    @Override
    public String type() {
        return "slicer";
    }

    @Override
    public List<String> attributes() {
        return List.of("average_size", "size_variation", "delay");
    }

    /** Sizes up to 2 GiB − 1 bytes; the delay (µs) up to a day. */
    @Override
    public long maximum(String attribute) {
        return attribute.equals("delay") ? DAY_MILLIS * 1000 : Integer.MAX_VALUE;
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
