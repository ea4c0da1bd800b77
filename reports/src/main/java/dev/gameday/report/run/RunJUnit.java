package dev.gameday.report.run;

import dev.gameday.journal.Evidence;
import dev.gameday.judge.Metric;
import dev.gameday.judge.Sentences;
import dev.gameday.text.Units;
import dev.gameday.report.junit.JUnitSuite;
import dev.gameday.report.junit.JUnitSuite.TestCase;
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
        for (Evidence e : run.evidence()) {
            String classname = "gameday." + e.probe();
            String label = Metric.parse(e.tolerance()).label();
            String name = label + " " + e.expected() + " " + RunReport.where(e);
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
        for (FaultWindow f : run.faults()) {
            if (f.path() != null && Boolean.FALSE.equals(f.path().carried())) {
                cases.add(TestCase.failed("gameday.path", "fault " + f.step() + " on the traffic path", 0,
                        "proxy " + f.proxy() + " carried no traffic " + f.path().basis(), RunReport.pathText(f.path())));
            } else if (f.path() != null && f.path().carried() != null) {
                cases.add(TestCase.passed("gameday.path", "fault " + f.step() + " on the traffic path", 0));
            } else {
                cases.add(TestCase.skipped("gameday.path", "fault " + f.step() + " on the traffic path",
                        RunReport.pathText(f.path())));
            }
        }
        if (!run.faults().isEmpty()) {
            Long within = run.experiment().recoveryWithinMs();
            Long ttr = run.timeToRecoverMs();
            String name = "steady state recovers" + (within == null ? "" : " within " + Units.duration(within));
            if (!run.reachedRecovery()) {
                cases.add(TestCase.skipped("gameday.recovery", name, "the run ended before the recovery phase"));
            } else if (ttr != null && (within == null || ttr <= within)) {
                cases.add(TestCase.passed("gameday.recovery", name, ttr / 1000.0));
            } else {
                cases.add(TestCase.failed("gameday.recovery", name, 0, ttr == null ? "did not recover"
                        : "recovered after " + Units.duration(ttr), "time to recover: "
                        + (ttr == null ? "never" : Units.duration(ttr))));
            }
        }
        run.aborts().forEach(a -> cases.add(TestCase.failed("gameday.abort", "abort condition " + a.condition(), 0,
                "tripped at " + Units.offset(a.t() - run.startT()), a.message())));
        run.errors().forEach(e -> cases.add(TestCase.errored("gameday.run", "run without runtime errors", 0, e, e)));
        run.failedRollbacks().forEach(r -> cases.add(TestCase.errored("gameday.rollback", "rollback", 0, r, r)));
        if (!run.missing().isEmpty() && !run.journal().ended()) {
            cases.add(TestCase.errored("gameday.run", "run completes", 0, "the journal is partial",
                    String.join("\n", run.missing())));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("verdict", run.verdict());
        properties.put("runId", run.runStarted().path("runId").asText(""));
        properties.put("experimentFile", run.runStarted().path("experimentFile").asText(""));
        properties.put("experimentSha256", run.runStarted().path("experimentSha256").asText(""));
        properties.put("user", run.runStarted().path("user").asText(""));
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(run.startT()), ZoneOffset.UTC));
        return new JUnitSuite("gameday: " + run.experiment().title(), timestamp,
                run.runStarted().path("host").asText("localhost"), run.durationMs() / 1000.0, properties, cases,
                "verdict: " + run.verdict() + "\n" + run.samples() + " samples, " + run.failedSamples() + " failed\n"
                        + String.join("\n", run.missing()));
    }
}
