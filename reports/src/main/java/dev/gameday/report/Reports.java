package dev.gameday.report;

import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.MarkdownWriter;
import dev.gameday.report.html.HtmlWriter;
import dev.gameday.report.premortem.PremortemInput;
import dev.gameday.report.premortem.PremortemReport;
import dev.gameday.report.run.ReportFormat;
import dev.gameday.report.run.RunReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reports' public entry points. Everything is rendered from files and plain data only: a journal
 * ({@code docs/journal.md}) for run reports, the experiment copy (normalised JSON) for pre-mortems.
 */
public final class Reports {
    public static final String PREMORTEM_HTML = "premortem.html";
    public static final String PREMORTEM_MARKDOWN = "premortem.md";

    private Reports() {}

    /**
     * Writes report.html, report.md and junit.xml for a journal (or the run folder holding it) into
     * {@code outDir}. Partial journals (crash, interrupted run) are fine; the reports say what is missing.
     *
     * @return the files written
     */
    public static List<Path> writeRunReports(Path journal, Path outDir) throws IOException {
        return writeRunReports(journal, outDir, EnumSet.allOf(ReportFormat.class));
    }

    public static List<Path> writeRunReports(Path journal, Path outDir, Set<ReportFormat> formats) throws IOException {
        return RunReports.write(journal, outDir, formats);
    }

    /**
     * Writes plan-report.html, plan-report.md and junit.xml (a suite per entry) into a plan folder, from
     * its plan.json and its runs' journals.
     */
    public static List<Path> writePlanReports(Path planDir) throws IOException {
        return dev.gameday.report.plan.PlanReports.write(planDir);
    }

    /** Writes premortem.md and premortem.html into {@code outDir}. */
    public static List<Path> writePremortem(PremortemInput input, Path outDir) throws IOException {
        Document doc = PremortemReport.build(input);
        Files.createDirectories(outDir);
        return List.of(RunReports.writeAtomically(outDir.resolve(PREMORTEM_MARKDOWN), MarkdownWriter.render(doc)),
                RunReports.writeAtomically(outDir.resolve(PREMORTEM_HTML), HtmlWriter.render(doc)));
    }
}
