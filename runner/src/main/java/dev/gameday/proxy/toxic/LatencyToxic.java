package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code latency}: every chunk leaves {@code latency} ± uniform {@code jitter} ms after it was read.
 * Delays overlap (a chunk's clock starts when it is read, not when the previous one left), so
 * throughput is kept; order is kept too. Stacked latency toxics add up because each stage starts its
 * clock when the previous one released the chunk.
 */
public final class LatencyToxic implements Toxic {

    @Override
    public String type() {
        return "latency";
    }

    @Override
    public List<String> attributes() {
        return List.of("latency", "jitter");
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Delay(attributes, out, link);
    }

    private static final class Delay implements Stage {
        private final Outlet out;
        private final Link link;
        private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
        private final ArrayDeque<Long> due = new ArrayDeque<>();
        private long latencyNanos;
        private long jitterNanos;
        private long lastDue = Long.MIN_VALUE;
        private Cancellable timer;
        private boolean ended;

        Delay(ToxicAttributes attributes, Outlet out, Link link) {
            this.out = out;
            this.link = link;
            update(attributes);
        }

        @Override
        public void update(ToxicAttributes attributes) {
            latencyNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("latency"));
            jitterNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("jitter"));
        }

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            long at = Math.max(timestampNanos + delay(), lastDue);
            lastDue = at;
            if (held.isEmpty() && at - System.nanoTime() <= 0) {
                out.data(chunk, at);
                return;
            }
            held.add(chunk);
            due.add(at);
            if (timer == null) {
                release();
            }
        }

        private long delay() {
            if (jitterNanos <= 0) {
                return latencyNanos;
            }
            long jitter = ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
            return Math.max(0, latencyNanos + jitter);
        }

        private void release() {
            timer = null;
            long now = System.nanoTime();
            while (!held.isEmpty()) {
                long at = due.peek();
                if (at - now > 0) {
                    timer = link.schedule(at - now, this::release);
                    return;
                }
                due.poll();
                out.data(held.poll(), at);
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
                due.poll();
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
            due.clear();
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }
}
