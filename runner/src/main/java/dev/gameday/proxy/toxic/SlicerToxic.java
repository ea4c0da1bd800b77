package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
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

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Slices(attributes, out, link);
    }

    private static final class Slices implements Stage {
        private final Outlet out;
        private final Link link;
        private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
        private long average;
        private long variation;
        private long delayNanos;
        private Cancellable timer;
        private boolean ended;

        Slices(ToxicAttributes attributes, Outlet out, Link link) {
            this.out = out;
            this.link = link;
            update(attributes);
        }

        @Override
        public void update(ToxicAttributes attributes) {
            average = attributes.get("average_size");
            variation = attributes.get("size_variation");
            delayNanos = TimeUnit.MICROSECONDS.toNanos(attributes.get("delay"));
        }

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            held.add(chunk);
            if (timer == null) {
                pump();
            }
        }

        private int pieceSize() {
            long size = average;
            if (variation > 0) {
                size += ThreadLocalRandom.current().nextLong(-variation, variation + 1);
            }
            return (int) Math.max(1, Math.min(size, Integer.MAX_VALUE));
        }

        private void pump() {
            timer = null;
            while (!held.isEmpty()) {
                ByteBuf head = held.peek();
                int size = pieceSize();
                if (size >= head.readableBytes()) {
                    out.data(held.poll(), System.nanoTime());
                } else {
                    out.data(head.readRetainedSlice(size), System.nanoTime());
                }
                if (delayNanos > 0) {
                    timer = link.schedule(delayNanos, this::pump);
                    return;
                }
            }
            if (ended) {
                out.end();
            }
        }

        @Override
        public void end() {
            ended = true;
            if (held.isEmpty() && timer == null) {
                out.end();
            }
        }

        @Override
        public void flush() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            while (!held.isEmpty()) {
                out.data(held.poll(), System.nanoTime());
            }
            if (ended) {
                out.end();
            }
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            held.forEach(ByteBuf::release);
            held.clear();
        }
    }
}
