package dev.gameday.room;

import dev.gameday.report.run.RunSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code GET /metrics} tells Prometheus, through Micrometer: the runs in the folder by verdict
 * (the verdicts their journals hold), aborts pressed in the room, and — for runs the room follows —
 * probe latency histograms per probe and faults injected, counted from their journals as written.
 */
final class RoomMetrics {
    private static final double[] LATENCY_BUCKETS_MS = {5, 25, 100, 250, 500, 1000, 2500, 5000, 10000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> byVerdict = new ConcurrentHashMap<>();
    private final Counter aborts = Counter.builder("gameday.room.aborts")
            .description("Runs aborted with the room's abort button").register(registry);
    private final Counter faults = Counter.builder("gameday.faults.injected")
            .description("Faults injected by the runs the room followed").register(registry);

    void sample(String probe, double ms) {
        DistributionSummary.builder("gameday.probe.latency").baseUnit("milliseconds").tag("probe", probe)
                .description("Probe sample latency of the runs the room followed")
                .serviceLevelObjectives(LATENCY_BUCKETS_MS).register(registry).record(ms);
    }

    void faultInjected() {
        faults.increment();
    }

    void aborted() {
        aborts.increment();
    }

    /** The runs of the folder by verdict, as of the latest history. */
    void runs(List<RunSummary> runs) {
        Map<String, Long> counts = new java.util.HashMap<>();
        runs.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        byVerdict.forEach((verdict, n) -> n.set(counts.getOrDefault(verdict, 0L)));
        counts.forEach((verdict, n) -> byVerdict.computeIfAbsent(verdict, v -> {
            AtomicLong gauge = new AtomicLong();
            registry.gauge("gameday.runs", List.of(io.micrometer.core.instrument.Tag.of("verdict", v)), gauge);
            return gauge;
        }).set(n));
    }

    /** Where others serving beside the room (the plan scheduler) register their meters. */
    MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }
}
