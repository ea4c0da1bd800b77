package dev.gameday.hypothesis;

import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.spi.ProbeTypes;
import dev.gameday.journal.ProbeHistory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The look-back at the end of a run: for each probe whose type keeps a record of what it measures
 * ({@code ProbeType#history}), the record over the stretch the probe sampled, journaled as a
 * {@link ProbeHistory} so the report charts it from the journal alone. Feed it every sample
 * ({@link #saw}); ask for {@link #histories} once sampling is over.
 */
public final class Lookback {
    /** Prometheus answers at most 11,000 points per series; stay well below. */
    private static final long MAX_POINTS = 5000;

    private final Vertx vertx;
    private final Collection<Probe> probes;
    private final Redactor redactor;
    /** Per probe, the first and last slot sampled. */
    private final Map<String, long[]> sampled = new ConcurrentHashMap<>();

    public Lookback(Vertx vertx, Collection<Probe> probes, Redactor redactor) {
        this.vertx = vertx;
        this.probes = List.copyOf(probes);
        this.redactor = redactor;
    }

    public void saw(Sample s) {
        sampled.merge(s.probe(), new long[] {s.scheduledAt(), s.scheduledAt()},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }

    /**
     * Asks each probe's target for its record: one {@link ProbeHistory} per probe that keeps one, in
     * probe order, once all have answered or failed (each within its probe's timeout); never fails.
     */
    public Future<List<ProbeHistory>> histories() {
        List<Future<ProbeHistory>> asked = new ArrayList<>();
        for (Probe p : probes) {
            long[] range = sampled.get(p.name());
            if (range == null) {
                continue;
            }
            long step = Math.max(Math.max(1000, p.interval().toMillis()), (range[1] - range[0]) / MAX_POINTS + 1);
            Future<List<ProbeHistory.Point>> points;
            try {
                points = ProbeTypes.of(p.type()).history(vertx, p.target(), p.timeout(), range[0], range[1], step);
            } catch (RuntimeException e) {
                points = Future.failedFuture(e);
            }
            if (points != null) {
                asked.add(points.transform(r -> Future.succeededFuture(r.succeeded()
                        ? new ProbeHistory(p.name(), range[0], range[1], step, r.result(), null)
                        : new ProbeHistory(p.name(), range[0], range[1], step, List.of(),
                                redactor.redact(Format.error(r.cause()))))));
            }
        }
        return Future.join(asked).transform(done -> Future.succeededFuture(asked.stream().map(Future::result).toList()));
    }
}
