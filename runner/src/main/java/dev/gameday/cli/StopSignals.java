package dev.gameday.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, for the commands that serve until stopped
 * ({@code proxy}, {@code demo --serve}): they close what they serve and exit 0, as a server asked to
 * stop has done its job. The JVM's own handling would exit 130 / 143 from a shutdown hook instead.
 * The first signal restores the JVM's handlers, so a second one stops a stuck command the usual way.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final CountDownLatch stop = new CountDownLatch(1);
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.size()];

    /** Takes over Ctrl-C and SIGTERM until {@link #close()}. */
    StopSignals() {
        for (int i = 0; i < SIGNALS.size(); i++) {
            previous[i] = Signal.handle(new Signal(SIGNALS.get(i)), s -> {
                restore();
                stop.countDown();
            });
        }
    }

    /**
     * Blocks until a signal arrives. An interrupt of this thread is a request to stop too, and is
     * consumed here: the caller stops (closing what it serves must not be cut short by it).
     */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            // Stop, as for a signal.
        }
    }

    @Override
    public void close() {
        restore();
    }

    private synchronized void restore() {
        for (int i = 0; i < SIGNALS.size(); i++) {
            if (previous[i] != null) {
                Signal.handle(new Signal(SIGNALS.get(i)), previous[i]);
                previous[i] = null;
            }
        }
    }
}
