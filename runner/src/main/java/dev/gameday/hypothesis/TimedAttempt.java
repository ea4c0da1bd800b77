package dev.gameday.hypothesis;

import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.Sample;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One attempt of a probe action held to its timeout: the sample is delivered exactly once, either when
 * the action answers or when the timeout expires, whichever comes first. Latency runs from the send.
 */
public final class TimedAttempt {
    /**
     * How much longer than the probe timeout the built-in actions wait before giving up on their own:
     * the sampler's timer must win, so a timeout always reads {@code timeout after …}.
     */
    public static final long GRACE_MS = 100;

    private final Vertx vertx;
    private final String probe;
    private final ProbeAction action;
    private final long timeoutMs;
    private final Redactor redactor;
    private final String timeoutError;

    public TimedAttempt(Vertx vertx, String probe, ProbeAction action, Duration timeout, Redactor redactor) {
        this.vertx = vertx;
        this.probe = probe;
        this.action = action;
        this.timeoutMs = Math.max(1, timeout.toMillis());
        this.redactor = redactor;
        this.timeoutError = "timeout after " + Format.limit(timeoutMs);
    }

    /**
     * Sends now, for the slot {@code scheduledAt}; must be called on the context the action runs on.
     * {@code sink} gets the sample; the returned future completes when the action itself has finished
     * (after the sample when it timed out).
     */
    public Future<Void> start(long scheduledAt, Consumer<Sample> sink) {
        AtomicBoolean delivered = new AtomicBoolean();
        long sentNanos = System.nanoTime();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (delivered.compareAndSet(false, true)) {
                sink.accept(timedOut(scheduledAt));
            }
        });
        Future<Outcome> outcome;
        try {
            outcome = action.attempt();
        } catch (RuntimeException e) {
            outcome = Future.failedFuture(e);
        }
        return outcome.transform(done -> {
            double latencyMs = (System.nanoTime() - sentNanos) / 1e6;
            vertx.cancelTimer(timer);
            if (delivered.compareAndSet(false, true)) {
                Outcome result = done.succeeded() ? done.result() : Outcome.failed(null, Format.error(done.cause()));
                // An answer that arrives after the deadline (a late timer) is still a timeout.
                sink.accept(latencyMs >= timeoutMs
                        ? timedOut(scheduledAt)
                        : new Sample(probe, scheduledAt, result.ok(), latencyMs, result.status(),
                                redactor.redact(result.error()), result.value()));
            }
            return Future.<Void>succeededFuture();
        });
    }

    /** The sample for a slot whose attempt could not or did not finish in time. */
    public Sample failed(long scheduledAt, String error) {
        return new Sample(probe, scheduledAt, false, timeoutMs, null, error, null);
    }

    private Sample timedOut(long scheduledAt) {
        return failed(scheduledAt, timeoutError);
    }
}
