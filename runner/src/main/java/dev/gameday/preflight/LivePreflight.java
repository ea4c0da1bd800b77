package dev.gameday.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.Redactor;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.report.PreflightCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live checks of {@code gameday premortem --check}, right before a game day: can faults be
 * injected, are the dependencies up, do the probes answer, and does the steady state hold now. Nothing
 * is injected and no proxy is created.
 */
public final class LivePreflight {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private LivePreflight() {}

    /**
     * @param experiment the experiment with its real values (secrets are needed to call the probes)
     * @param probesJson the probes of the experiment copy, in the same order, for their tolerances
     * @param samples how many samples to take per probe for the steady state
     */
    public static List<PreflightCheck> run(Experiment experiment, List<JsonNode> probesJson, Redactor redactor,
            int samples) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(toxiproxy(experiment));
        for (ProxySpec proxy : experiment.proxies()) {
            checks.add(tcp("upstream of proxy " + proxy.name() + " (" + proxy.upstream() + ") accepts connections",
                    proxy.upstream()));
        }
        Vertx vertx = Vertx.vertx();
        try {
            List<Probe> probes = experiment.steadyState().probes();
            for (int i = 0; i < probes.size(); i++) {
                checks.addAll(probe(vertx, probes.get(i), probesJson.get(i), redactor, samples));
            }
        } finally {
            vertx.close().await();
        }
        return checks;
    }

    private static PreflightCheck toxiproxy(Experiment experiment) {
        if (experiment.toxiproxy().embedded()) {
            return new PreflightCheck("Toxiproxy", true, "embedded: gameday run starts it in-process");
        }
        URI version = experiment.toxiproxy().url().resolve("/version");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build().send(
                    HttpRequest.newBuilder(version).timeout(CONNECT_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() == 200;
            return new PreflightCheck("Toxiproxy reachable at " + experiment.toxiproxy().url(), ok,
                    "GET /version: HTTP " + response.statusCode() + (ok ? ", version " + response.body().strip() : ""));
        } catch (IOException e) {
            return new PreflightCheck("Toxiproxy reachable at " + experiment.toxiproxy().url(), false,
                    "GET /version failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PreflightCheck("Toxiproxy reachable at " + experiment.toxiproxy().url(), false, "interrupted");
        }
    }

    private static PreflightCheck tcp(String name, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1))),
                    (int) CONNECT_TIMEOUT.toMillis());
            return new PreflightCheck(name, true, "connected in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            return new PreflightCheck(name, false, "cannot connect: " + e.getMessage());
        }
    }

    /** Whether the target answers (first sample), then the steady state over all samples, paced at the probe's interval. */
    private static List<PreflightCheck> probe(Vertx vertx, Probe probe, JsonNode json, Redactor redactor, int samples) {
        List<Sample> taken = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < samples; i++) {
            boolean first = i == 0;
            chain = chain.compose(v -> first ? Future.succeededFuture() : vertx.timer(probe.interval().toMillis())
                    .mapEmpty())
                    .compose(v -> ProbeSampler.sampleOnce(vertx, probe, redactor)).map(s -> {
                        taken.add(s);
                        return null;
                    });
        }
        long budget = samples * (probe.interval().toMillis() + probe.timeout().toMillis()) + 10_000;
        String target = "probe " + probe.name() + " answers";
        try {
            chain.await(budget, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return List.of(new PreflightCheck(target, false, redactor.redact(String.valueOf(e.getMessage()))));
        }
        Sample first = taken.get(0);
        PreflightCheck answers = new PreflightCheck(target, first.ok(), first.ok()
                ? "answered" + (first.status() == null ? "" : " " + first.status()) + " in "
                        + Math.round(first.latencyMs()) + " ms"
                : "failed: " + first.error());
        double[] latency = taken.stream().mapToDouble(Sample::latencyMs).toArray();
        boolean[] ok = new boolean[taken.size()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = taken.get(i).ok();
        }
        return List.of(answers, PreflightCheck.steadyState(json, latency, ok));
    }
}
