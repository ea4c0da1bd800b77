package dev.gameday.run.internal;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.fault.ToxiproxyClients;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.journal.PlanEntry;
import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;
import eu.rekawek.toxiproxy.Proxy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code gameday run --dry-run}: every pre-flight check that changes nothing (Toxiproxy reachable,
 * which proxies exist or would be created, every probe's target answers), then the timeline the
 * method would follow. No run folder, no journal, nothing injected.
 */
public final class DryRun {
    private DryRun() {}

    public static RunResult check(LoadedExperiment loaded, PrintStream out) throws Exception {
        Experiment e = loaded.experiment();
        List<String> problems = new ArrayList<>();
        out.println("Dry run of \"" + e.title() + "\" — nothing will be injected.");
        if (e.toxiproxy().embedded()) {
            out.println("  toxiproxy: embedded (started by the run on 127.0.0.1)");
            e.proxies().forEach(p -> out.println("  proxy " + p.name() + ": would be created, " + p.listen()
                    + " -> " + p.upstream()));
        } else {
            checkRemote(e, out, problems);
        }
        Vertx vertx = Vertx.vertx();
        try {
            for (Probe p : e.steadyState().probes()) {
                Sample s = ProbeSampler.sampleOnce(vertx, p, loaded.redactor())
                        .await(p.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
                boolean answers = s.answered();
                out.printf(Locale.ROOT, "  probe %s: %s%n", p.name(), s.ok() ? String.format(Locale.ROOT,
                        "ok (%.0f ms)", s.latencyMs()) : answers ? "answers but fails its check (" + s.error() + ")"
                        : "does not answer (" + s.error() + ")");
                if (!answers) {
                    problems.add("probe " + p.name() + ": target does not answer (" + s.error() + ")");
                }
            }
        } finally {
            vertx.close();
        }
        out.println("Timeline (from the start of the method, after " + RunSession.seconds(
                e.steadyState().before().toMillis()) + " of steady state):");
        for (PlanEntry p : Timeline.of(e.method()).plan()) {
            out.printf(Locale.ROOT, "  +%-7s %-8s %s%s%s%n", RunSession.seconds(p.startMs()), p.kind(),
                    p.parent() == null ? "" : "  ", p.step(),
                    (p.proxy() == null ? "" : " — " + p.toxic() + " on " + p.proxy())
                            + " for " + RunSession.seconds(p.durationMs()));
        }
        if (problems.isEmpty()) {
            out.println("Pre-flight OK.");
            return new RunResult(null, 0, "Dry run: pre-flight OK.", List.of(), List.of(), null, null);
        }
        String summary = "Dry run: pre-flight failed: " + String.join("; ", problems);
        out.println(summary);
        return new RunResult(null, Verdict.ERROR.exitCode().code(), summary, List.of(), List.of(), null, null);
    }

    private static void checkRemote(Experiment e, PrintStream out, List<String> problems) {
        String url = e.toxiproxy().url().toString();
        Set<String> existing = new HashSet<>();
        try {
            for (Proxy p : ToxiproxyClients.forUrl(e.toxiproxy().url()).getProxies()) {
                existing.add(p.getName());
            }
            out.println("  toxiproxy: " + url + " reachable");
        } catch (IOException ex) {
            problems.add("Toxiproxy at " + url + " is unreachable (" + ex.getMessage() + ")");
            out.println("  toxiproxy: " + url + " UNREACHABLE (" + ex.getMessage() + ")");
            return;
        }
        Set<String> declared = new HashSet<>();
        for (ProxySpec p : e.proxies()) {
            declared.add(p.name());
            out.println("  proxy " + p.name() + ": " + (existing.contains(p.name()) ? "exists, would be reused"
                    : "would be created, " + p.listen() + " -> " + p.upstream()));
        }
        for (PlanEntry p : Timeline.of(e.method()).plan()) {
            if (p.proxy() != null && !declared.contains(p.proxy()) && !existing.contains(p.proxy())) {
                problems.add("step " + p.step() + ": proxy '" + p.proxy() + "' does not exist on " + url);
            }
        }
    }
}
