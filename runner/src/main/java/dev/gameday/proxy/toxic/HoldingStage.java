package dev.gameday.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * A stage that holds chunks in arrival order and lets them out over time (latency, bandwidth,
 * slicer): subclasses say what {@link #release()} lets out now and when to look again; holding,
 * ending after the last chunk, flushing and closing are done here.
 */
public abstract class HoldingStage implements Toxic.Stage {

    /** A chunk held, with the time it is due (for stages that care). */
    protected record Held(ByteBuf chunk, long dueNanos) {}

    protected final Toxic.Outlet out;
    protected final Toxic.Link link;
    protected final ArrayDeque<Held> held = new ArrayDeque<>();
    private Toxic.Cancellable timer;
    private boolean ended;

    protected HoldingStage(Toxic.Outlet out, Toxic.Link link) {
        this.out = out;
        this.link = link;
    }

    /** Lets out what may go now; calls {@link #wakeIn} if more must wait. Never called while a wake-up is pending. */
    protected abstract void release();

    /** Calls {@link #release()} again after {@code delayNanos}. */
    protected final void wakeIn(long delayNanos) {
        timer = link.schedule(delayNanos, this::wake);
    }

    private void wake() {
        timer = null;
        release();
        endIfDone();
    }

    /** Holds a chunk due at {@code dueNanos} and releases what it can. */
    protected final void hold(ByteBuf chunk, long dueNanos) {
        held.add(new Held(chunk, dueNanos));
        if (timer == null) {
            wake();
        }
    }

    @Override
    public void data(ByteBuf chunk, long timestampNanos) {
        hold(chunk, timestampNanos);
    }

    /** Starts over with new attributes: the pending wake-up is dropped and release() decides again. */
    protected final void restart() {
        cancel();
        wake();
    }

    @Override
    public void end() {
        ended = true;
        endIfDone();
    }

    private void endIfDone() {
        if (ended && held.isEmpty() && timer == null) {
            out.end();
        }
    }

    @Override
    public void flush() {
        cancel();
        long now = System.nanoTime();
        while (!held.isEmpty()) {
            out.data(held.poll().chunk(), now);
        }
        if (ended) {
            out.end();
        }
    }

    @Override
    public void close() {
        cancel();
        held.forEach(h -> h.chunk().release());
        held.clear();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
