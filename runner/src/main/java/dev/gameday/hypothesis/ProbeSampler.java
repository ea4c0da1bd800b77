package dev.gameday.hypothesis;

import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.internal.TimedAttempt;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeTypes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Fixed-rate sampler for one probe. Slot k is due at start + k × interval, whatever the latency: a slow
 * target never lowers the rate, samples overlap in flight instead. Each slot yields exactly one
 * {@link Sample} stamped with the slot time, delivered to the sink on this sampler's Vert.x context
 * (the caller's, or a new one) in completion order.
 *
 * <p>At most {@link #inFlightCap()} attempts run at once, {@code max(4, ceil(2 × timeout / interval) + 1)}.
 * A sample is cut at the timeout, but its action may take a little longer to let go (the built-in ones
 * give up 100 ms after it), hence twice the timeout. So the cap is only reached when attempts really
 * outlive their timeout (a saturated worker pool for command probes, a wedged plug-in). A slot that
 * finds the cap reached is not sent and counts as a failed sample with error {@code in-flight cap
 * reached} and latency = the timeout.
 */
public final class ProbeSampler {
    private static final String CAP_REACHED = "in-flight cap reached";
    private static final long MAX_JITTER_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Vertx vertx;
    private final Context context;
    private final Consumer<Sample> sink;
    private final ProbeAction action;
    private final TimedAttempt attempts;
    private final long intervalNanos;
    private final int cap;
    private final Promise<Void> stopped = Promise.promise();
    private final AtomicLong dropped = new AtomicLong();
    /** Int counts and 2 significant digits keep it ~13 KB: a run may hold hundreds of samplers. */
    private final IntCountsHistogram jitterMicros = new IntCountsHistogram(MAX_JITTER_MICROS, 2);

    // Touched on the context only.
    private long startNanos;
    private long startEpochMs;
    private long nextSlot;
    private Timer timer;
    private boolean stopping;
    private int inFlight;
    private int undelivered;

    public ProbeSampler(Vertx vertx, Probe probe, Redactor redactor, Consumer<Sample> sink) {
        if (probe.interval().isZero() || probe.interval().isNegative()) {
            throw new IllegalArgumentException("probe '" + probe.name() + "': interval must be positive");
        }
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.sink = sink;
        this.action = ProbeTypes.of(probe.type()).open(vertx, probe.target(), probe.timeout());
        this.attempts = new TimedAttempt(vertx, probe.name(), action, probe.timeout(), redactor);
        this.intervalNanos = probe.interval().toNanos();
        this.cap = (int) Math.max(4, Math.min(10_000,
                -Math.floorDiv(-2 * probe.timeout().toNanos(), intervalNanos) + 1));
    }

    /** One sample, now, outside any schedule (pre-flight and {@code premortem --check}). */
    public static Future<Sample> sampleOnce(Vertx vertx, Probe probe, Redactor redactor) {
        ProbeAction action;
        try {
            action = ProbeTypes.of(probe.type()).open(vertx, probe.target(), probe.timeout());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        TimedAttempt attempt = new TimedAttempt(vertx, probe.name(), action, probe.timeout(), redactor);
        Promise<Sample> sample = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> attempt.start(System.currentTimeMillis(), sample::tryComplete)
                .onComplete(done -> action.close()));
        return sample.future();
    }

    /** Starts sampling now: the first slot is due immediately. */
    public void start() {
        context.runOnContext(v -> {
            startNanos = System.nanoTime();
            startEpochMs = System.currentTimeMillis();
            fire();
        });
    }

    /** No new samples; completes once every sample already sent has been delivered (answered or timed out). */
    public Future<Void> stop() {
        context.runOnContext(v -> {
            stopping = true;
            if (timer != null) {
                timer.cancel();
            }
            finishStopIfDone();
        });
        return stopped.future();
    }

    /** Slots not sent because the in-flight cap was reached (each also delivered as a failed sample). */
    public long dropped() {
        return dropped.get();
    }

    public int inFlightCap() {
        return cap;
    }

    /**
     * How late (or early) each send was against its slot, in microseconds: the schedule's jitter, for
     * benchmarks and diagnostics (within 1%). A copy; safe to call from any thread.
     */
    public AbstractHistogram sendJitterMicros() {
        synchronized (jitterMicros) {
            return jitterMicros.copy();
        }
    }

    private void fire() {
        if (stopping) {
            return;
        }
        long slot = nextSlot++;
        long dueNanos = startNanos + slot * intervalNanos;
        long scheduledAt = startEpochMs + (slot * intervalNanos) / 1_000_000;
        scheduleNext();
        send(scheduledAt, dueNanos);
    }

    /** The next delay comes from the ideal slot time, so timer lateness never accumulates into drift. */
    private void scheduleNext() {
        long delayNanos = startNanos + nextSlot * intervalNanos - System.nanoTime();
        if (delayNanos <= 0) {
            timer = null;
            context.runOnContext(v -> fire()); // behind schedule (a stalled loop): catch up, slot by slot
        } else {
            timer = vertx.timer(delayNanos, TimeUnit.NANOSECONDS);
            timer.onSuccess(v -> fire());
        }
    }

    private void send(long scheduledAt, long dueNanos) {
        if (inFlight >= cap) {
            dropped.incrementAndGet();
            sink.accept(attempts.failed(scheduledAt, CAP_REACHED));
            return;
        }
        long jitter = Math.min(MAX_JITTER_MICROS, Math.abs(System.nanoTime() - dueNanos) / 1_000);
        synchronized (jitterMicros) {
            jitterMicros.recordValue(jitter);
        }
        inFlight++;
        undelivered++;
        attempts.start(scheduledAt, sample -> {
            undelivered--;
            try {
                sink.accept(sample);
            } finally {
                finishStopIfDone();
            }
        }).onComplete(done -> inFlight--);
    }

    private void finishStopIfDone() {
        if (stopping && undelivered == 0 && !stopped.future().isComplete()) {
            action.close();
            stopped.complete();
        }
    }
}
