package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
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

    private static final class Delay extends HoldingStage {
        private long latencyNanos;
        private long jitterNanos;
        private long lastDue = Long.MIN_VALUE;

        Delay(ToxicAttributes attributes, Outlet out, Link link) {
            super(out, link);
            update(attributes);
        }

        @Override
        public void update(ToxicAttributes attributes) {
            latencyNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("latency"));
            jitterNanos = TimeUnit.MILLISECONDS.toNanos(attributes.get("jitter"));
        }

        @Override
        public void data(ByteBuf chunk, long timestampNanos) {
            // never before the previous chunk: jitter must not reorder the stream
            lastDue = Math.max(timestampNanos + delay(), lastDue);
            hold(chunk, lastDue);
        }

        private long delay() {
            if (jitterNanos <= 0) {
                return latencyNanos;
            }
            long jitter = ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
            return Math.max(0, latencyNanos + jitter);
        }

        @Override
        protected void release() {
            long now = System.nanoTime();
            while (!held.isEmpty()) {
                Held next = held.peek();
                if (next.dueNanos() - now > 0) {
                    wakeIn(next.dueNanos() - now);
                    return;
                }
                held.poll();
                out.data(next.chunk(), next.dueNanos());
            }
        }
    }
}
