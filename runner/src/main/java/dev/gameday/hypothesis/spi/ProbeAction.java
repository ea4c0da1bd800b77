package dev.gameday.hypothesis.spi;

import io.vertx.core.Future;

/** An opened probe: ready to sample its target again and again. */
public interface ProbeAction {
    /**
     * Samples the target once. Called on the sampler's Vert.x context, possibly while earlier attempts are
     * still in flight. The sampler measures latency and enforces the timeout itself; the action should
     * still give up shortly after the timeout so it does not hold resources. A failed future counts as a
     * failed sample whose error is the exception's message.
     */
    Future<Outcome> attempt();

    /** Releases what {@link ProbeType#open} acquired (and kills anything still running). */
    void close();
}
