package dev.gameday.report.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.report.doc.MarkdownWriter;
import dev.gameday.report.html.HtmlWriter;
import dev.gameday.report.junit.JUnitXml;
import dev.gameday.report.run.RunReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a plan folder's combined reports from its {@code plan.json} and its runs' journals only:
 * {@code plan-report.html}, {@code plan-report.md} and one {@code junit.xml} with a test suite per entry.
 */
public final class PlanReports {
    public static final String RECORD = "plan.json";
    public static final String HTML = "plan-report.html";
    public static final String MARKDOWN = "plan-report.md";
    public static final String JUNIT = "junit.xml";

    private PlanReports() {}

    public static List<Path> write(Path planDir) throws IOException {
        JsonNode record = new ObjectMapper().readTree(planDir.resolve(RECORD).toFile());
        List<PlannedRun> runs = new ArrayList<>();
        for (JsonNode entry : record.path("entries")) {
            runs.add(PlannedRun.read(planDir, entry));
        }
        PlanReport report = new PlanReport(record, runs);
        return List.of(
                RunReports.writeAtomically(planDir.resolve(HTML), HtmlWriter.render(report.document())),
                RunReports.writeAtomically(planDir.resolve(MARKDOWN), MarkdownWriter.render(report.document())),
                RunReports.writeAtomically(planDir.resolve(JUNIT), JUnitXml.render("gameday plan: "
                        + record.path("title").asText(), PlanJUnit.suites(runs, record.path("started").asText("")))));
    }
}
