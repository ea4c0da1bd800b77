package dev.gameday.proxy.toxic;

import dev.gameday.toxic.FaultKind;
import io.netty.buffer.ByteBuf;

/**
 * A Toxiproxy toxic: a fault applied to one direction of every connection through a proxy. It is the
 * whole {@link FaultKind} (attributes, words, risks) and its data path, in one class.
 *
 * <pre>
 *            upstream link:   source = client socket,   sink = upstream socket
 *          +-----------------------------------------------------------------+
 *  client -+-> read chunk -> [stage 1] -> [stage 2] -> ... -> write ---------+-> upstream
 *          |                                                                 |   server
 *  client <+-- write <- ... <- [stage 2] <- [stage 1] <- read chunk <--------+-- upstream
 *          +-----------------------------------------------------------------+
 *            downstream link: source = upstream socket, sink = client socket
 * </pre>
 *
 * <p>Each accepted connection has two links. A link reads a chunk (up to 32 KiB) from its source,
 * stamps it with the time it was read and hands it to the first {@link Stage}; each stage passes it on
 * to its {@link Outlet} (now, later, in pieces, truncated) or drops it, and the last outlet writes it to
 * the sink. End of stream ({@link Stage#end()}) travels the same way and half-closes the sink. A stage
 * is opened per link and per toxic, in the order the toxics were added; toxics added, updated or
 * removed through the API change the chain of live links in place, without losing bytes.
 *
 * <p>A stage owns each {@link ByteBuf} it receives until it passes it to its outlet or hands it to
 * {@link Link#discard}. Everything runs on the connection's event loop: no locking.
 *
 * <p>Implementations are stateless factories found by {@link java.util.ServiceLoader} as fault kinds:
 * adding a toxic is adding a class and naming it in {@code META-INF/services/dev.gameday.toxic.FaultKind}.
 */
public interface Toxic extends FaultKind {

    /** Starts this toxic on one link; {@code out} leads to the next stage or to the sink. */
    Stage open(ToxicAttributes attributes, Outlet out, Link link);

    /** One toxic on one link. */
    interface Stage {
        /** A chunk read at {@code timestampNanos} ({@link System#nanoTime()}), or released then by an earlier stage. */
        void data(ByteBuf chunk, long timestampNanos);

        /** The source ended: pass {@link Outlet#end()} on once everything held has gone out. */
        void end();

        /** New attributes for the rest of the connection. */
        void update(ToxicAttributes attributes);

        /** Hand everything held (and a pending end) to the outlet now: the stage is leaving the chain. */
        void flush();

        /**
         * The peer this link delivers to has ended its own side (its FIN reached the proxy), so it may
         * have gone; by default nothing changes (a half-closed peer still reads).
         */
        default void sinkEnded() {}

        /** The toxic was deleted through the API; by default {@link #flush()}. */
        default void removed() {
            flush();
        }

        /** The connection is gone: cancel timers and release held buffers without passing them on. */
        void close();
    }

    /** Where a stage sends what it lets through. */
    interface Outlet {
        void data(ByteBuf chunk, long timestampNanos);

        void end();
    }

    /** What a stage may do to its link and connection. */
    interface Link {
        /** Runs {@code action} on the link's event loop after {@code delayNanos}. */
        Cancellable schedule(long delayNanos, Runnable action);

        /** Drops a chunk the stage will not pass on (releases it and frees its room in the link). */
        void discard(ByteBuf chunk);

        /** Closes both sides of the connection after what was already written (clients read EOF). */
        void close();

        /** Aborts both sides of the connection with a TCP RST (SO_LINGER 0). */
        void reset();
    }

    /** A scheduled action that may be called off. */
    interface Cancellable {
        void cancel();
    }
}
