package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code slow_close}: data passes untouched; the end of the stream is held back {@code delay} ms. */
public final class SlowCloseToxic implements Toxic {

    @Override
    public String type() {
        return "slow_close";
    }

    @Override
    public List<String> attributes() {
        return List.of("delay");
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
