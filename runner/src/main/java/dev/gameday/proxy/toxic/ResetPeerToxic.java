package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: on the first chunk (or the end of stream) wait {@code timeout} ms, then abort
 * the connection with a TCP RST. Data is dropped meanwhile, as in Toxiproxy.
 */
public final class ResetPeerToxic implements Toxic {

    @Override
    public String type() {
        return "reset_peer";
    }

    @Override
    public List<String> attributes() {
        return List.of("timeout");
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
