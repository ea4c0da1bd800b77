package dev.gameday.proxy.toxic;

import dev.gameday.text.Units;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code slow_close}: data passes untouched; the end of the stream is held back {@code delay} ms. */
public final class SlowCloseToxic implements Toxic {

    @Override
    public String name() {
        return "slow_close";
    }

    @Override
    public String description() {
        return "after the source closes, waits delay ms before closing";
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.millis("delay", "wait before passing the close on"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        return "connections closing " + Units.duration(FaultKind.value(attributes, "delay")) + " late";
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Sockets pile up half-closed", "CLOSE_WAIT/TIME_WAIT counts; pool size"),
                new Risk("Shutdown and deploys stall on lingering connections", "graceful shutdown duration"));
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Stage() {
            private long delayMillis = attributes.get("delay");
            private Cancellable timer;

            @Override
            public void data(ByteBuf chunk, long timestampNanos) {
                out.data(chunk, timestampNanos);
            }

            @Override
            public void end() {
                timer = link.schedule(TimeUnit.MILLISECONDS.toNanos(delayMillis), out::end);
            }

            @Override
            public void update(ToxicAttributes changed) {
                delayMillis = changed.get("delay");
            }

            @Override
            public void flush() {
                if (timer != null) {
                    timer.cancel();
                    out.end();
                }
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
