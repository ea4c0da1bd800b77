package dev.gameday.report.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A plan folder whose entries did not all run (stopped, failed to start, still pending, a run folder
 * whose journal is gone): the combined reports still render, from plan.json alone, and say so.
 */
class PlanReportsTest {
    @TempDir
    Path dir;

    @Test
    void entriesThatDidNotRunAreShownAndCountedInTheJUnitFile() throws Exception {
        Files.createDirectories(dir.resolve("gone/20261201T100000Z-x"));
        Files.writeString(dir.resolve("plan.json"), """
                {"format": 1, "title": "Partial", "planFile": "p.yaml", "stop": "first-failure",
                 "started": "2026-12-01T10:00:00.123Z", "ended": null, "verdict": null,
                 "participants": [{"name": "Al", "role": "scribe"}],
                 "entries": [
                   {"id": "failed", "experiment": "a.yaml", "vars": {"build": "1"}, "status": "failed",
                    "verdict": "error", "runDir": null, "note": "Toxiproxy unreachable"},
                   {"id": "gone", "experiment": "a.yaml", "vars": {}, "status": "ran", "verdict": "held",
                    "runDir": "gone/20261201T100000Z-x", "note": null},
                   {"id": "stopped", "experiment": "b.yaml", "vars": {}, "status": "not-run", "verdict": null,
                    "runDir": null, "note": "not run: the plan stops at the first failure"},
                   {"id": "later", "experiment": "c.yaml", "vars": {}, "status": "pending", "verdict": null,
                    "runDir": null, "note": null}
                 ]}
                """);
        assertThat(PlanReports.write(dir)).hasSize(3);
        String md = Files.readString(dir.resolve(PlanReports.MARKDOWN));
        assertThat(md).contains("Plan unfinished").contains("Toxiproxy unreachable").contains("its journal cannot be read")
                .contains("NOT RUN").contains("PENDING").contains("build=1");
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(PlanReports.JUNIT).toFile());
        NodeList suites = junit.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(4);
        assertThat(((Element) suites.item(0)).getAttribute("errors")).isEqualTo("1");
        assertThat(((Element) suites.item(1)).getAttribute("errors")).isEqualTo("1");
        assertThat(((Element) suites.item(2)).getAttribute("skipped")).isEqualTo("1");
        assertThat(((Element) suites.item(3)).getAttribute("skipped")).isEqualTo("1");
        assertThat(((Element) suites.item(0)).getAttribute("timestamp")).isEqualTo("2026-12-01T10:00:00");
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("4");
    }
}
