package dev.gameday.hypothesis;

import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.TargetFields;
import dev.gameday.hypothesis.spi.Outcome;
import dev.gameday.hypothesis.spi.ProbeAction;
import dev.gameday.hypothesis.spi.ProbeType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A probe type plugged in through the SPI (see the test {@code META-INF/services}) whose attempts stay in
 * flight until the test releases them: an attempt that outlives its timeout, as a wedged command would.
 * It is also the proof that a probe type is one class (its target record nested) and a services line.
 */
public final class HeldProbeType implements ProbeType {
    private static final List<Promise<Outcome>> HELD = new CopyOnWriteArrayList<>();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    record Target() implements ProbeTarget {
        @Override
        public String type() {
            return "held";
        }
    }

    @Override
    public String type() {
        return "held";
    }

    @Override
    public String description() {
        return "a sample that stays in flight until the test releases it";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public ProbeTarget bind(TargetFields fields) {
        return new Target();
    }

    @Override
    public ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout) {
        return new ProbeAction() {
            @Override
            public Future<Outcome> attempt() {
                ATTEMPTS.incrementAndGet();
                Promise<Outcome> held = Promise.promise();
                HELD.add(held);
                return held.future();
            }

            @Override
            public void close() {}
        };
    }

    static void reset() {
        releaseAll();
        ATTEMPTS.set(0);
    }

    static int attempts() {
        return ATTEMPTS.get();
    }

    static void releaseAll() {
        HELD.forEach(p -> p.tryComplete(Outcome.ok(null)));
        HELD.clear();
    }
}
