package dev.gameday.report.run;

import dev.gameday.journal.Evidence;
import dev.gameday.judge.Metric;
import dev.gameday.judge.Sentences;
import dev.gameday.text.Units;
import dev.gameday.report.junit.JUnitSuite;
import dev.gameday.report.junit.JUnitSuite.TestCase;
import dev.gameday.report.run.analysis.EvidenceText;
import dev.gameday.report.run.analysis.FaultWindow;
import dev.gameday.report.run.analysis.RunAnalysis;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as a JUnit suite: one test case per tolerance per phase, plus recovery, aborts and errors. */
final class RunJUnit {
    private RunJUnit() {}

    static JUnitSuite build(RunAnalysis run) {
        List<TestCase> cases = new ArrayList<>();
        for (Evidence e : run.judgement().evidence()) {
            String classname = "gameday." + e.probe();
            String label = Metric.parse(e.tolerance()).label();
            String name = label + " " + e.expected() + " " + EvidenceText.where(e);
            String observed = label + " was " + e.observedText() + " (worst of " + e.windows()
                    + " windows over " + e.samples() + " samples), expected " + e.expected();
            cases.add(switch (e.status()) {
                case PASS -> TestCase.passed(classname, name, 0);
                case FAIL -> TestCase.failed(classname, name, 0, observed, Sentences.observation(e) + "; "
                        + e.failingWindows() + " of " + e.windows() + " windows outside the bound");
                case NO_DATA -> TestCase.skipped(classname, name, "no samples in this phase (the run did not reach it)");
                case INFO -> TestCase.skipped(classname, name, "not part of the hypothesis in this phase");
            });
        }
        for (FaultWindow f : run.faults().windows()) {
            if (f.path() != null && Boolean.FALSE.equals(f.path().carried())) {
                cases.add(TestCase.failed("gameday.path", "fault " + f.step() + " on the traffic path", 0,
                        "proxy " + f.proxy() + " carried no traffic " + f.path().basis(), EvidenceText.pathText(f.path())));
            } else if (f.path() != null && f.path().carried() != null) {
                cases.add(TestCase.passed("gameday.path", "fault " + f.step() + " on the traffic path", 0));
            } else {
                cases.add(TestCase.skipped("gameday.path", "fault " + f.step() + " on the traffic path",
                        EvidenceText.pathText(f.path())));
            }
        }
        if (!run.faults().windows().isEmpty()) {
            Long within = run.outline().experiment().recoveryWithinMs();
            Long ttr = run.faults().timeToRecoverMs();
            String name = "steady state recovers" + (within == null ? "" : " within " + Units.duration(within));
            if (!run.faults().recoveryReached()) {
                cases.add(TestCase.skipped("gameday.recovery", name, "the run ended before the recovery phase"));
            } else if (ttr != null && (within == null || ttr <= within)) {
                cases.add(TestCase.passed("gameday.recovery", name, ttr / 1000.0));
            } else {
                cases.add(TestCase.failed("gameday.recovery", name, 0, ttr == null ? "did not recover"
                        : "recovered after " + Units.duration(ttr), "time to recover: "
                        + (ttr == null ? "never" : Units.duration(ttr))));
            }
        }
        run.incidents().aborts().forEach(a -> cases.add(TestCase.failed("gameday.abort", "abort condition " + a.condition(), 0,
                "tripped at " + Units.offset(a.t() - run.outline().startT()), a.message())));
        run.incidents().errors().forEach(e -> cases.add(TestCase.errored("gameday.run", "run without runtime errors", 0, e, e)));
        run.incidents().failedRollbacks().forEach(r -> cases.add(TestCase.errored("gameday.rollback", "rollback", 0, r, r)));
        if (!run.health().missing().isEmpty() && !run.health().summary().ended()) {
            cases.add(TestCase.errored("gameday.run", "run completes", 0, "the journal is partial",
                    String.join("\n", run.health().missing())));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("verdict", run.judgement().verdict());
        properties.put("runId", run.outline().runStarted().path("runId").asText(""));
        properties.put("experimentFile", run.outline().runStarted().path("experimentFile").asText(""));
        properties.put("experimentSha256", run.outline().runStarted().path("experimentSha256").asText(""));
        properties.put("user", run.outline().runStarted().path("user").asText(""));
        List<String> caveats = run.judgement().caveats();
        if (!caveats.isEmpty()) {
            properties.put("caveats", String.join("; ", caveats));
        }
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(run.outline().startT()), ZoneOffset.UTC));
        return new JUnitSuite("gameday: " + run.outline().experiment().title(), timestamp,
                run.outline().runStarted().path("host").asText("localhost"), run.outline().durationMs() / 1000.0, properties, cases,
                "verdict: " + run.judgement().verdict() + (caveats.isEmpty() ? "" : " (caveats: "
                        + String.join("; ", caveats) + ")") + "\n" + run.judgement().samples() + " samples, " + run.judgement().failedSamples() + " failed\n"
                        + String.join("\n", run.health().missing()));
    }
}
