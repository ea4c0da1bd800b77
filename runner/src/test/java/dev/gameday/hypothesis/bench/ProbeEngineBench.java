package dev.gameday.hypothesis.bench;

import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.Comparison;
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
 * Sustained HTTP probes per second against a local Vert.x target, and the schedule's jitter (actual send
 * − scheduled slot). Not a test: run it with
 * {@code mvn -q -B -pl runner -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.gameday.hypothesis.bench.ProbeEngineBench [-Dexec.args="seconds"]}.
 */
public final class ProbeEngineBench {
    /** Samplers are spread over this many contexts (event loops), as verticles would spread them. */
    private static final int GROUPS = 2;
    private static final LongAdder CONNECTIONS = new LongAdder();

    private record Config(String name, int probes, int intervalMs) {}

    private record Result(Config config, double seconds, long samples, long ok, Histogram jitterMicros,
                          Histogram latencyMicros, double cpuMicrosPerSample) {
        double perSecond() {
            return samples / seconds;
        }
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Vertx vertx = Vertx.vertx();
        try {
            int port = startTarget(vertx);
            String url = "http://127.0.0.1:" + port + "/health";
            // The JIT needs real traffic before anything is measured, and more of it on a busy machine.
            run(vertx, url, new Config("warm-up", 300, 50), 15);
            List<Result> results = new ArrayList<>();
            for (Config config : List.of(
                    new Config("goal config", 100, 50),
                    new Config("saturating", 300, 50),
                    new Config("saturating", 500, 50))) {
                results.add(run(vertx, url, config, seconds));
            }
            System.out.printf("%nCPUs: %d, load average at the end: %.2f%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("| config | requested/s | sustained samples/s | ok | jitter p50 | jitter p99 | jitter max | latency p50 | latency p99 | CPU µs/sample |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (Result r : results) {
                System.out.printf("| %s: %d probes × %d ms, %.0f s | %d | %.0f | %.2f%% | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f |%n",
                        r.config.name, r.config.probes, r.config.intervalMs, r.seconds,
                        r.config.probes * 1000 / r.config.intervalMs, r.perSecond(), 100.0 * r.ok / r.samples,
                        r.jitterMicros.getValueAtPercentile(50) / 1000.0,
                        r.jitterMicros.getValueAtPercentile(99) / 1000.0,
                        r.jitterMicros.getMaxValue() / 1000.0,
                        r.latencyMicros.getValueAtPercentile(50) / 1000.0,
                        r.latencyMicros.getValueAtPercentile(99) / 1000.0, r.cpuMicrosPerSample);
            }
        } finally {
            vertx.close().await();
        }
    }

    /** The target: two server verticles sharing one port, answering a tiny body at once. */
    private static int startTarget(Vertx vertx) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer()
                        .connectionHandler(connection -> CONNECTIONS.increment())
                        .requestHandler(req -> req.response().end("ok"))
                        .listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(2)).await();
        return port;
    }

    private static Result run(Vertx vertx, String url, Config config, int seconds) {
        Probe probe = new Probe("bench", Duration.ofMillis(config.intervalMs), Duration.ofSeconds(1),
                Set.of(CheckPhase.CONTINUOUSLY),
                new HttpTarget("GET", url, Map.of(), null, List.of(200), null, null, null),
                new Tolerance(Duration.ofSeconds(2), new RatioBound(Comparison.GE, 0.99), List.of()));
        LongAdder samples = new LongAdder();
        LongAdder ok = new LongAdder();
        Histogram latency = new ConcurrentHistogram(3);
        List<ProbeSampler> samplers = new CopyOnWriteArrayList<>();
        List<String> deployments = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            int count = config.probes / GROUPS + (g < config.probes % GROUPS ? 1 : 0);
            deployments.add(vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start() {
                    for (int i = 0; i < count; i++) {
                        samplers.add(new ProbeSampler(vertx, probe, Redactor.NONE, (Sample s) -> {
                            samples.increment();
                            if (s.ok()) {
                                ok.increment();
                            }
                            latency.recordValue(Math.round(s.latencyMs() * 1000));
                        }));
                    }
                }
            }).await());
        }
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();
        // Probes of a real population are not phase-aligned: spread the starts over one interval.
        for (int i = 0; i < samplers.size(); i++) {
            ProbeSampler sampler = samplers.get(i);
            vertx.setTimer(1 + (long) i * config.intervalMs / samplers.size(), t -> sampler.start());
        }
        sleep(seconds * 1000L);
        Future.all(samplers.stream().map(ProbeSampler::stop).toList()).await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMicrosPerSample = (cpuNanos() - cpuStarted) / 1e3 / Math.max(1, samples.sum());
        Histogram jitter = new Histogram(3);
        samplers.forEach(s -> jitter.add(s.sendJitterMicros()));
        deployments.forEach(id -> vertx.undeploy(id).await());
        Result result = new Result(config, elapsed, samples.sum(), ok.sum(), jitter, latency,
                cpuMicrosPerSample);
        System.out.printf("%s: %d probes × %d ms → %.0f samples/s (%.1f%% ok), jitter p99 %.2f ms, %.0f CPU µs/sample, %d target connections so far%n",
                config.name, config.probes, config.intervalMs, result.perSecond(), 100.0 * ok.sum() / samples.sum(),
                jitter.getValueAtPercentile(99) / 1000.0, cpuMicrosPerSample, CONNECTIONS.sum());
        return result;
    }

    /** CPU time of this whole process (probe engine and target): its cost per sample survives a busy machine. */
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
