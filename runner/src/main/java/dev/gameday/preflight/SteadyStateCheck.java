package dev.gameday.preflight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Redactor;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.PathChecked;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.judge.Sentences;
import dev.gameday.report.premortem.PreflightCheck;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steady state as {@code run --dry-run} and {@code premortem --check} see it: each probe sampled
 * through the proxies at its own rate, judged by the run's own judge as a {@code before} phase, and
 * whether each proxy a fault would act on carried traffic meanwhile. The default sample count is one
 * tolerance window of samples and at least {@value #MIN_SAMPLES}, so that a p95 means something.
 */
public final class SteadyStateCheck {
    public static final int MIN_SAMPLES = 20;

    private SteadyStateCheck() {}

    /** How many samples a probe gets by default: a whole tolerance window, and at least {@value #MIN_SAMPLES}. */
    public static int defaultSamples(Probe p) {
        long perWindow = -Math.floorDiv(-p.tolerance().window().toMillis(), Math.max(1, p.interval().toMillis()));
        return (int) Math.max(MIN_SAMPLES, Math.min(10_000, perWindow));
    }

    /**
     * Samples every probe ({@code samples} each, or its default when 0), then judges. Blocking calls (the
     * traffic counters) run on worker threads.
     */
    public static Future<List<PreflightCheck>> run(Vertx vertx, Experiment experiment, ObjectNode experimentCopy,
            Redactor redactor, int samples, TrafficMeter traffic, Set<String> faultProxies) {
        Map<String, TrafficMeter.Reading> before = new LinkedHashMap<>();
        Judge judge = new Judge(Rules.of(experimentCopy), new Judge.Listener() {});
        return vertx.executeBlocking(() -> {
            faultProxies.forEach(p -> before.put(p, traffic.read(p)));
            return null;
        }, false).compose(v -> {
            judge.phase(System.currentTimeMillis(), "before");
            List<Future<Void>> all = new ArrayList<>();
            for (Probe p : experiment.steadyState().probes()) {
                all.add(sample(vertx, p, redactor, samples > 0 ? samples : defaultSamples(p), judge));
            }
            return Future.all(all);
        }).compose(v -> vertx.executeBlocking(() -> {
            List<PreflightCheck> checks = new ArrayList<>();
            Map<String, List<Evidence>> byProbe = new LinkedHashMap<>();
            judge.evidence("before").forEach(e -> byProbe.computeIfAbsent(e.probe(), k -> new ArrayList<>()).add(e));
            byProbe.forEach((probe, evidence) -> checks.add(steady(probe, evidence, judge.rules().baseline())));
            for (String proxy : faultProxies) {
                PathChecked path = TrafficMeter.path(null, proxy, "while the probes sampled", before.get(proxy),
                        traffic.read(proxy));
                checks.add(onThePath(path));
            }
            return checks;
        }, false));
    }

    private static Future<Void> sample(Vertx vertx, Probe p, Redactor redactor, int count, Judge judge) {
        Promise<Void> done = Promise.promise();
        int[] taken = {0};
        ProbeSampler[] sampler = new ProbeSampler[1];
        sampler[0] = new ProbeSampler(vertx, p, redactor, s -> {
            if (taken[0]++ < count) {
                judge.sample(s.probe(), s.scheduledAt(), s.ok(), s.latencyMs(), s.value() == null ? Double.NaN : s.value());
                if (taken[0] == count) {
                    sampler[0].stop().onComplete(done);
                }
            }
        });
        sampler[0].start();
        return done.future();
    }

    private static PreflightCheck steady(String probe, List<Evidence> evidence, boolean baseline) {
        boolean ok = evidence.stream().allMatch(e -> e.status() != Evidence.Status.FAIL
                && e.status() != Evidence.Status.NO_DATA);
        List<String> words = new ArrayList<>();
        for (Evidence e : evidence) {
            words.add(e.observed() == null ? e.tolerance() + (e.samples() > 0 ? ": nothing measured" : ": no samples")
                    : e.tolerance() + " " + e.observedText() + " (tolerance " + e.expected() + (e.status()
                            == Evidence.Status.FAIL ? ", NOT MET" : "") + ")");
        }
        long samples = evidence.isEmpty() ? 0 : evidence.get(0).samples();
        String detail = samples + " samples through the proxies: " + String.join(", ", words)
                + (ok ? "" : "; " + Sentences.observation(evidence.stream()
                        .filter(e -> e.status() == Evidence.Status.FAIL).findFirst().orElse(evidence.get(0))))
                + (baseline ? "" : " (the experiment skips its baseline: shown, not judged)");
        return new PreflightCheck("steady state of " + probe + " right now", ok || !baseline, detail);
    }

    private static PreflightCheck onThePath(PathChecked path) {
        String name = "traffic crosses proxy " + path.proxy();
        if (path.carried() == null) {
            return new PreflightCheck(name, true, path.note());
        }
        if (!path.carried()) {
            return new PreflightCheck(name, false, "no traffic crossed proxy " + path.proxy() + " while the probes "
                    + "sampled: the system under test does not seem to use it, so a fault on it would prove nothing");
        }
        return new PreflightCheck(name, true, (path.connections() == null ? "" : path.connections() + " connections, ")
                + path.upstreamBytes() + " B up, " + path.downstreamBytes() + " B down while the probes sampled");
    }
}
