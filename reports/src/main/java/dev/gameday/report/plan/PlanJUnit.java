package dev.gameday.report.plan;

import dev.gameday.report.junit.JUnitSuite;
import dev.gameday.report.junit.JUnitSuite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan as JUnit: each entry's run is its own suite (the run's, as {@code gameday run} writes it,
 * named with the entry id so matrix rows stay apart); an entry that could not run is one errored case,
 * one the stop policy left out one skipped case.
 */
final class PlanJUnit {
    private PlanJUnit() {}

    static List<JUnitSuite> suites(List<PlannedRun> runs, String started) {
        // JUnit wants a local ISO time without zone: the plan's start in UTC.
        String timestamp = started.length() >= 19 ? started.substring(0, 19) : "1970-01-01T00:00:00";
        List<JUnitSuite> out = new ArrayList<>();
        for (PlannedRun r : runs) {
            String name = "gameday: " + r.id() + (r.varsText().isEmpty() ? "" : " [" + r.varsText() + "]");
            if (r.run() != null) {
                JUnitSuite s = r.run().junit();
                out.add(new JUnitSuite(name + ": " + r.run().title(), s.timestamp(), s.hostname(), s.timeSeconds(),
                        s.properties(), s.cases(), s.systemOut()));
                continue;
            }
            String why = r.problem() != null ? r.problem() : r.note() == null ? "no run" : r.note();
            TestCase c = r.status().equals("failed") || r.problem() != null
                    ? TestCase.errored("gameday.plan", "experiment runs", 0, why, why)
                    : TestCase.skipped("gameday.plan", "experiment runs", why);
            out.add(new JUnitSuite(name, timestamp, "localhost", 0,
                    Map.of("experimentFile", r.experiment()), List.of(c), why));
        }
        return out;
    }
}
