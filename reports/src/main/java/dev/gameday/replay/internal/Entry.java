package dev.gameday.replay.internal;

/**
 * One moment of a recorded run, in replay order: a probe {@link ReplaySample} (kept compact, as a run has
 * many) or any other journal event ({@link Happening}).
 */
public sealed interface Entry permits ReplaySample, Happening {
    /** Epoch milliseconds ({@code t} in the journal). */
    long t();

    long seq();
}
