package dev.gameday.proxy.toxic;

import dev.gameday.text.Units;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: on the first chunk (or the end of stream) wait {@code timeout} ms, then abort
 * the connection with a TCP RST. Data is dropped meanwhile, as in Toxiproxy.
 */
public final class ResetPeerToxic implements Toxic {

    @Override
    public String name() {
        return "reset_peer";
    }

    @Override
    public String description() {
        return "on the first data (or end of stream), waits timeout ms, then resets the connection (TCP RST)";
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.millis("timeout", "wait before the reset"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "connections reset (TCP RST) after " + Units.duration(FaultKind.value(attributes, "timeout"));
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Connection pools keep poisoned connections after the fault", "connection errors after removal; pool evictions"),
                new Risk("Non-idempotent calls are retried twice", "duplicate writes; idempotency-key conflicts"));
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Stage() {
            private long timeoutMillis = attributes.get("timeout");
            private Cancellable timer;

            private void trigger() {
                if (timer == null) {
                    timer = link.schedule(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), link::reset);
                }
            }

            @Override
            public void data(ByteBuf chunk, long timestampNanos) {
                link.discard(chunk);
                trigger();
            }

            @Override
            public void end() {
                trigger();
            }

            @Override
            public void update(ToxicAttributes changed) {
                timeoutMillis = changed.get("timeout");
            }

            @Override
            public void flush() {
                close();
            }

            @Override
            public void close() {
                if (timer != null) {
                    timer.cancel();
                }
            }
        };
    }
}
