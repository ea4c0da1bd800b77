package dev.gameday.hypothesis.bench;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.HttpTarget;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Tolerance;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sustained HTTP probes per second against a local Vert.x target (in the same JVM, sharing the CPUs),
 * and the schedule's jitter (actual send − scheduled slot). Each configuration runs in a fresh Vert.x
 * instance: a warm-up, then a measured period. Not a test: run it with
 * {@code mvn -q -B -pl runner -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.gameday.hypothesis.bench.ProbeEngineBench [-Dexec.args="measuredSeconds"]}.
 */
public final class ProbeEngineBench {
    /** Samplers are spread over this many contexts (event loops), as verticles would spread them. */
    private static final int GROUPS = 2;
    private static final int WARM_UP_SECONDS = 5;

    private record Config(int probes, int intervalMs) {
        int requestedPerSecond() {
            return probes * 1000 / intervalMs;
        }
    }

    private record Result(Config config, double seconds, long samples, long ok, Histogram jitterMicros,
                          Histogram latencyMicros, double cpuMicrosPerSample, long connections,
                          double loadBefore, double loadAfter) {}

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        run(new Config(300, 50), 10); // JIT warm-up for the whole JVM, not reported
        List<Result> results = new ArrayList<>();
        for (Config config : List.of(new Config(100, 50), new Config(300, 50), new Config(500, 50), new Config(1000, 50))) {
            results.add(run(config, seconds));
        }
        System.out.printf("%nCPUs: %d, measured %d s per configuration after %d s of warm-up%n",
                Runtime.getRuntime().availableProcessors(), seconds, WARM_UP_SECONDS);
        System.out.println("| probes × interval | requested/s | samples/s | ok samples/s | ok | jitter p50 | jitter p99 "
                + "| jitter max | latency p50 | latency p99 | CPU µs/sample | connections | load avg before → after |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %d × %d ms | %d | %.0f | %.0f | %.2f%% | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f | %d | %.1f → %.1f |%n",
                    r.config.probes, r.config.intervalMs, r.config.requestedPerSecond(), r.samples / r.seconds,
                    r.ok / r.seconds, 100.0 * r.ok / Math.max(1, r.samples),
                    r.jitterMicros.getValueAtPercentile(50) / 1000.0, r.jitterMicros.getValueAtPercentile(99) / 1000.0,
                    r.jitterMicros.getMaxValue() / 1000.0,
                    r.latencyMicros.getValueAtPercentile(50) / 1000.0, r.latencyMicros.getValueAtPercentile(99) / 1000.0,
                    r.cpuMicrosPerSample, r.connections, r.loadBefore, r.loadAfter);
        }
    }

    private static Result run(Config config, int seconds) throws IOException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Vertx vertx = Vertx.vertx();
        try {
            LongAdder connections = new LongAdder();
            String url = "http://127.0.0.1:" + startTarget(vertx, connections) + "/health";
            Probe probe = new Probe("bench", Duration.ofMillis(config.intervalMs), Duration.ofSeconds(1),
                    Set.of(CheckPhase.CONTINUOUSLY),
                    new HttpTarget("GET", url, Map.of(), null, List.of(200), null, null, null),
                    new Tolerance(Duration.ofSeconds(2), new RatioBound(Comparison.GE, 0.99), List.of()));
            Measured measured = new Measured();
            List<ProbeSampler> samplers = startSamplers(vertx, probe, config, measured);

            sleep(WARM_UP_SECONDS * 1000L);
            Histogram jitterAtStart = jitter(samplers);
            long cpuAtStart = cpuNanos();
            long connectionsAtStart = connections.sum();
            long measureFrom = System.currentTimeMillis();
            long measureTo = measureFrom + seconds * 1000L;
            measured.window(measureFrom, measureTo);
            sleep(seconds * 1000L);
            Histogram jitter = jitter(samplers);
            long cpu = cpuNanos() - cpuAtStart;
            Future.all(samplers.stream().map(ProbeSampler::stop).toList()).await();

            jitter.subtract(jitterAtStart);
            Result result = new Result(config, seconds, measured.samples.sum(), measured.ok.sum(), jitter,
                    measured.latencyMicros, cpu / 1e3 / Math.max(1, measured.samples.sum()),
                    connections.sum() - connectionsAtStart, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%d probes × %d ms: %.0f samples/s, %.1f%% ok, jitter p99 %.2f ms, %.0f CPU µs/sample%n",
                    config.probes, config.intervalMs, result.samples / result.seconds,
                    100.0 * result.ok / Math.max(1, result.samples), jitter.getValueAtPercentile(99) / 1000.0,
                    result.cpuMicrosPerSample);
            return result;
        } finally {
            vertx.close().await();
        }
    }

    /** What the sinks saw of the samples whose slot lies in the measured period. */
    private static final class Measured {
        final LongAdder samples = new LongAdder();
        final LongAdder ok = new LongAdder();
        final Histogram latencyMicros = new ConcurrentHistogram(3);
        private volatile long from = Long.MAX_VALUE;
        private volatile long to = Long.MAX_VALUE;

        void window(long from, long to) {
            this.to = to;
            this.from = from;
        }

        void accept(Sample s) {
            if (s.scheduledAt() >= from && s.scheduledAt() < to) {
                samples.increment();
                if (s.ok()) {
                    ok.increment();
                }
                latencyMicros.recordValue(Math.round(s.latencyMs() * 1000));
            }
        }
    }

    private static List<ProbeSampler> startSamplers(Vertx vertx, Probe probe, Config config, Measured measured) {
        List<ProbeSampler> samplers = new CopyOnWriteArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            int count = config.probes / GROUPS + (g < config.probes % GROUPS ? 1 : 0);
            vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start() {
                    for (int i = 0; i < count; i++) {
                        samplers.add(new ProbeSampler(vertx, probe, Redactor.NONE, measured::accept));
                    }
                }
            }).await();
        }
        // Probes of a real population are not phase-aligned: spread the starts over one interval.
        for (int i = 0; i < samplers.size(); i++) {
            ProbeSampler sampler = samplers.get(i);
            vertx.setTimer(1 + (long) i * config.intervalMs / samplers.size(), t -> sampler.start());
        }
        return samplers;
    }

    /** The target: two server verticles sharing one port, answering a tiny body at once. */
    private static int startTarget(Vertx vertx, LongAdder connections) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer()
                        .connectionHandler(connection -> connections.increment())
                        .requestHandler(req -> req.response().end("ok"))
                        .listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(2)).await();
        return port;
    }

    private static Histogram jitter(List<ProbeSampler> samplers) {
        Histogram all = new Histogram(3);
        samplers.forEach(s -> all.add(s.sendJitterMicros()));
        return all;
    }

    /** CPU time of this whole process (engine and target): its cost per sample survives a busy machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The benchmark's measuring period: a fixed span, not a wait for a condition. */
    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
