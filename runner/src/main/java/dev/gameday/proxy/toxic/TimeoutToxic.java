package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: no data gets through; the connection is closed {@code timeout} ms after the toxic
 * started or after the last chunk it swallowed (0 = never). Deleting the toxic closes the connection,
 * as Toxiproxy does, since the bytes it swallowed are gone.
 */
public final class TimeoutToxic implements Toxic {

    @Override
    public String type() {
        return "timeout";
    }

    @Override
    public List<String> attributes() {
        return List.of("timeout");
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Stage() {
            private long timeoutMillis = attributes.get("timeout");
            private Cancellable timer = arm();

            private Cancellable arm() {
                return timeoutMillis > 0
                        ? link.schedule(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), link::close)
                        : null;
            }

            private void rearm() {
                close();
                timer = arm();
            }

            @Override
            public void data(ByteBuf chunk, long timestampNanos) {
                link.discard(chunk);
                rearm();
            }

            @Override
            public void end() {
                link.close();
            }

            @Override
            public void update(ToxicAttributes changed) {
                timeoutMillis = changed.get("timeout");
                rearm();
            }

            @Override
            public void flush() {
                close();
            }

            @Override
            public void removed() {
                close();
                link.close();
            }

            @Override
            public void close() {
                if (timer != null) {
                    timer.cancel();
                    timer = null;
                }
            }
        };
    }
}
