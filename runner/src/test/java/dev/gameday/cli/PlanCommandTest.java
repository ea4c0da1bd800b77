package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.plan.DemoBed;
import dev.gameday.run.ChildProcesses;
import dev.gameday.run.RunTestBed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.w3c.dom.NodeList;

/**
 * {@code gameday plan ...} as CI runs it: a matrix (one experiment × two variants) and a parallel group
 * (the same experiment against two demo systems at once), real faults on the embedded proxy; the exit
 * code is the worst verdict, the plan folder has the combined report and one JUnit file.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Order(8) // a long pole of the suite: started among the first, so the others fill in beside it
class PlanCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int gameday(String... args) {
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void runsAMatrixAndAParallelGroupWithOneVerdictReportAndJUnitFile() throws Exception {
        try (DemoBed a = new DemoBed(); DemoBed b = new DemoBed()) {
            DemoBed.writeOutageExperiment(dir);
            Path plan = Files.writeString(dir.resolve("suite.yaml"), """
                    title: Storefront suite
                    participants: [{ name: Alice, role: incident-commander }]
                    vars: %s
                    experiments:
                      - experiment: outage.yaml
                        id: variants
                        matrix:
                          - { variant: resilient }
                          - { variant: fragile }
                      - parallel:
                          - { experiment: outage.yaml, id: demo-a }
                          - { experiment: outage.yaml, id: demo-b, vars: %s }
                    stop: never
                    """.formatted(a.varsYaml(), b.varsYaml()));
            assertThat(gameday("plan", "validate", plan.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).contains("ok (4 experiment runs in 2 stages)");

            // A JVM of its own, whose console is the process's standard output: no lock on System.out.
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Process run = children.add(RunTestBed.start(
                    RunTestBed.gameday("plan", "run", plan.toString(), "--out", dir.resolve("runs").toString()), logs));
            assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("the plan run ends").isTrue();
            String printed = Files.readString(logs.resolve("child.out"));
            assertThat(run.exitValue()).as(printed + Files.readString(logs.resolve("child.err")))
                    .isEqualTo(ExitCode.REFUTED.code());
            assertThat(printed).contains("[demo-a] ").contains("[demo-b] ").contains("Plan verdict: REFUTED");

            Path planDir;
            try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
                planDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            assertThat(planDir.getFileName().toString()).endsWith("-plan-suite");
            var html = Jsoup.parse(planDir.resolve("plan-report.html").toFile());
            assertThat(html.selectFirst(".banner-title").text()).isEqualTo("Plan refuted");
            List<List<String>> rows = html.select("table").first().select("tbody tr").stream()
                    .map(tr -> tr.select("td").eachText()).toList();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("variants-1", "variants-2", "demo-a", "demo-b");
            assertThat(rows).extracting(r -> r.get(3)).containsExactly("HELD", "REFUTED", "HELD", "HELD");
            assertThat(rows.get(1).get(2)).contains("variant=fragile");
            for (var link : html.select("table a")) {
                assertThat(planDir.resolve(link.attr("href"))).exists();
            }
            assertThat(html.text()).contains("Total error-budget cost:");

            var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(planDir.resolve("junit.xml").toFile());
            NodeList suites = junit.getElementsByTagName("testsuite");
            assertThat(suites.getLength()).isEqualTo(4);
            assertThat(suites.item(1).getAttributes().getNamedItem("name").getNodeValue())
                    .startsWith("gameday: variants-2 [").contains("variant=fragile");
            assertThat(Integer.parseInt(suites.item(1).getAttributes().getNamedItem("failures").getNodeValue())).isPositive();
            assertThat(junit.getDocumentElement().getAttribute("failures")).isNotEqualTo("0");
        }
    }

    @Test
    void anInvalidPlanIsExit3WithEveryProblemLocated() throws Exception {
        Path plan = Files.writeString(dir.resolve("bad.yaml"), "title: Bad\nexperiments:\n  - experiment: nope.yaml\nstop: maybe\n");
        assertThat(gameday("plan", "validate", plan.toString())).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).contains(plan + ":3:17: experiments[0].experiment: no such file")
                .contains(plan + ":4:7: stop: 'maybe' is not one of first-failure, never");
        assertThat(gameday("plan", "run", plan.toString(), "--out", dir.resolve("runs").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void nextListsStartsAndWhyAnyIsSkippedAndIcsWritesTheInvitation() throws Exception {
        Path plan = dev.gameday.experiment.load.TestFiles.examplesDir().resolve("plans/storefront-game-day.yaml");
        assertThat(gameday("plan", "next", plan.toString(), "--from", "2026-11-30T00:00", "--count", "3")).as(err.toString())
                .isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("  ")).toList()).containsExactly(
                "  skipped  2026-12-01T10:30+01:00  (2026-12-01T09:30:00Z UTC)  freeze: Month-end close (first of every "
                        + "month) (release-freezes.ics, 2026-12-01T00:00 to 2026-12-02T00:00)",
                "  runs     2026-12-08T10:30+01:00  (2026-12-08T09:30:00Z UTC)",
                "  runs     2026-12-15T10:30+01:00  (2026-12-15T09:30:00Z UTC)",
                "  skipped  2026-12-22T10:30+01:00  (2026-12-22T09:30:00Z UTC)  blackout: end-of-year freeze",
                "  skipped  2026-12-29T10:30+01:00  (2026-12-29T09:30:00Z UTC)  blackout: end-of-year freeze",
                "  runs     2027-01-05T10:30+01:00  (2027-01-05T09:30:00Z UTC)");
        Path ics = dir.resolve("invite.ics");
        assertThat(gameday("plan", "ics", plan.toString(), "--from", "2026-12-16T00:00", "--out", ics.toString())).isZero();
        assertThat(out.toString()).contains("Invitation for 2027-01-05T10:30+01:00 (Europe/Berlin)");
        assertThat(Files.readString(ics)).contains("DTSTART;TZID=Europe/Berlin:20270105T103000")
                .contains("X-GAMEDAY-ROLE=incident-commander");
    }
}
