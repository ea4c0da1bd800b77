package dev.gameday.hypothesis;

import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.TimedAttempt;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeTypes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Fixed-rate sampler for one probe. Slot k is due at start + k × interval, whatever the latency: a slow
 * target never lowers the rate, samples overlap in flight instead. Each slot yields exactly one
 * {@link Sample} stamped with the slot time, delivered to the sink on this sampler's Vert.x context
 * (the caller's, or a new one) <em>in slot order</em>: an answer that comes back before an earlier
 * slot's waits for it (at most the probe timeout), so whoever reads the samples in delivery order —
 * the judge live, a report from the journal — sees each window exactly as it was due.
 *
 * <p>Sampling can {@link #pause} — no new slot; the future completes once every slot sent has been
 * delivered — and {@link #resume} on a fresh schedule from "now". The run pauses between the steady
 * state before and the method, so the baseline is judged on all its samples before any fault.
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
    private final AtomicLong dropped = new AtomicLong();
    /** Int counts and 2 significant digits keep it ~13 KB: a run may hold hundreds of samplers. */
    private final IntCountsHistogram jitterMicros = new IntCountsHistogram(MAX_JITTER_MICROS, 2);
    /** Answers that came back ahead of an earlier slot's, by slot number. */
    private final TreeMap<Long, Sample> waiting = new TreeMap<>();

    // Touched on the context only.
    private long startNanos;
    private long startEpochMs;
    /** The slot number the current schedule started at (slot numbers run on across pauses). */
    private long scheduleBase;
    private long nextSlot;
    private long nextToDeliver;
    private Timer timer;
    private boolean running;
    private boolean closed;
    private int inFlight;
    private Promise<Void> drained;

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
        resume();
    }

    /** Starts a new schedule now (after {@link #pause}): the first slot is due immediately. */
    public void resume() {
        context.runOnContext(v -> {
            if (running || closed) {
                return;
            }
            running = true;
            startNanos = System.nanoTime();
            startEpochMs = System.currentTimeMillis();
            scheduleBase = nextSlot;
            fire();
        });
    }

    /**
     * No new slot; completes once every slot already sent has been delivered (answered or timed out).
     * {@link #resume} starts again. Called on the sampler's context (a run's abort), it takes effect at
     * once: no slot due meanwhile is sent after it.
     */
    public Future<Void> pause() {
        Promise<Void> done = Promise.promise();
        onContext(() -> {
            running = false;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            if (drained == null || drained.future().isComplete()) {
                drained = Promise.promise();
            }
            drained.future().onComplete(done);
            completeIfDrained();
        });
        return done.future();
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /** Pauses for good and lets go of the probe's resources once every slot sent has been delivered. */
    public Future<Void> stop() {
        return pause().onComplete(v -> {
            if (!closed) {
                closed = true;
                action.close();
            }
        });
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
        if (!running) {
            return;
        }
        long slot = nextSlot++;
        long sinceStartNanos = (slot - scheduleBase) * intervalNanos;
        long dueNanos = startNanos + sinceStartNanos;
        long scheduledAt = startEpochMs + sinceStartNanos / 1_000_000;
        scheduleNext();
        send(slot, scheduledAt, dueNanos);
    }

    /** The next delay comes from the ideal slot time, so timer lateness never accumulates into drift. */
    private void scheduleNext() {
        long delayNanos = startNanos + (nextSlot - scheduleBase) * intervalNanos - System.nanoTime();
        if (delayNanos <= 0) {
            timer = null;
            context.runOnContext(v -> fire()); // behind schedule (a stalled loop): catch up, slot by slot
        } else {
            timer = vertx.timer(delayNanos, TimeUnit.NANOSECONDS);
            timer.onSuccess(v -> fire());
        }
    }

    private void send(long slot, long scheduledAt, long dueNanos) {
        if (inFlight >= cap) {
            dropped.incrementAndGet();
            completed(slot, attempts.failed(scheduledAt, CAP_REACHED));
            return;
        }
        long jitter = Math.min(MAX_JITTER_MICROS, Math.abs(System.nanoTime() - dueNanos) / 1_000);
        synchronized (jitterMicros) {
            jitterMicros.recordValue(jitter);
        }
        inFlight++;
        attempts.start(scheduledAt, sample -> completed(slot, sample)).onComplete(done -> inFlight--);
    }

    /** A slot's sample is known: deliver it and every later one it held back, in slot order. */
    private void completed(long slot, Sample sample) {
        waiting.put(slot, sample);
        try {
            while (!waiting.isEmpty() && waiting.firstKey() == nextToDeliver) {
                nextToDeliver++;
                sink.accept(waiting.pollFirstEntry().getValue());
            }
        } finally {
            completeIfDrained();
        }
    }

    private void completeIfDrained() {
        if (!running && drained != null && nextToDeliver == nextSlot) {
            drained.tryComplete();
        }
    }
}
