package dev.gameday.proxy.toxic;

import dev.gameday.text.Units;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.Risk;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: no data gets through; the connection is closed {@code timeout} ms after the toxic
 * started on it (0 = never). Data is held, not read and dropped: once the link holds its limit the
 * source is paused, as Toxiproxy stops reading, so a streaming upstream costs no CPU. The connection
 * is closed as well when the source ends, when the peer it would deliver to ends its own side (a
 * client that has gone must not leave the connection open forever), and when the toxic is deleted,
 * as Toxiproxy does.
 */
public final class TimeoutToxic implements Toxic {

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public String description() {
        return "stops all data; closes the connection after timeout ms (0: never); removing it closes the connection";
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.millis("timeout", "wait before closing; 0 holds the connection open"));
    }

    @Override
    public String describe(Map<String, Long> attributes) {
        long timeout = FaultKind.value(attributes, "timeout");
        return timeout == 0 ? "connections stalled (data held, never closed)"
                : "connections stalled, then closed after " + Units.duration(timeout);
    }

    @Override
    public List<Risk> risks() {
        return List.of(
                new Risk("Requests hang where no client timeout is set", "in-flight requests; blocked threads"),
                new Risk("Sockets leak from connections that never close", "open file descriptors; established connections"));
    }

    @Override
    public Stage open(ToxicAttributes attributes, Outlet out, Link link) {
        return new Hold(attributes, out, link);
    }

    private static final class Hold extends HoldingStage {
        private long timeoutMillis;
        private Cancellable closer;

        Hold(ToxicAttributes attributes, Outlet out, Link link) {
            super(out, link);
            timeoutMillis = attributes.get("timeout");
            arm();
        }

        private void arm() {
            disarm();
            if (timeoutMillis > 0) {
                closer = link.schedule(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), link::close);
            }
        }

        private void disarm() {
            if (closer != null) {
                closer.cancel();
                closer = null;
            }
        }

        @Override
        protected void release() {
            // nothing leaves while the toxic is on
        }

        @Override
        public void end() {
            link.close();
        }

        @Override
        public void sinkEnded() {
            link.close();
        }

        @Override
        public void update(ToxicAttributes attributes) {
            timeoutMillis = attributes.get("timeout");
            arm();
        }

        /** Toxicity ruled the toxic out on an update: what it held goes on, nothing is lost. */
        @Override
        public void flush() {
            disarm();
            super.flush();
        }

        @Override
        public void removed() {
            disarm();
            link.close();
        }

        @Override
        public void close() {
            disarm();
            super.close();
        }
    }
}
