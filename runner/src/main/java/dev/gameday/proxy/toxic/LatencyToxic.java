package dev.gameday.proxy.toxic;

import dev.gameday.text.Units;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
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
    public String name() {
        return "latency";
    }

    @Override
    public String description() {
        return "delays every chunk by latency ± uniform jitter, counted from when it was read (throughput is kept)";
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.millis("latency", "delay added to every chunk").mustBeGiven(),
                Attribute.millis("jitter", "± uniform variation of the delay"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        long jitter = FaultKind.value(attributes, "jitter");
        return Units.duration(FaultKind.value(attributes, "latency")) + " latency"
                + (jitter > 0 ? " ±" + Units.duration(jitter) : "");
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Client timeouts fire in callers", "timeout errors in callers; p99 against each client's timeout"),
                new Risk("Retry storms multiply load on the slow dependency", "request rate to the dependency; retries per request"),
                new Risk("Thread or connection pools exhaust while waiting", "pool active/waiting counts; open connections"),
                new Risk("Queues build up behind slow consumers", "queue depth; consumer lag"));
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
