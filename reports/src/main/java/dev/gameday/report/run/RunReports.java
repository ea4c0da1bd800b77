package dev.gameday.report.run;

import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.MarkdownWriter;
import dev.gameday.report.html.HtmlWriter;
import dev.gameday.journal.JournalReader;
import dev.gameday.journal.JournalSummary;
import dev.gameday.report.junit.JUnitXml;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunAnalyzer;
import dev.gameday.report.run.section.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Renders a journal into report files: one streaming read, then each format from the same analysis. */
public final class RunReports {
    private RunReports() {}

    public static List<Path> write(Path runDirOrJournal, Path outDir, Set<ReportFormat> formats) throws IOException {
        Path journal = JournalReader.locate(runDirOrJournal);
        RunAnalyzer analyzer = new RunAnalyzer();
        JournalSummary summary = JournalReader.read(journal, analyzer);
        RunAnalysis run = analyzer.finish(summary, journal);
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        Document report = null; // one document for HTML and Markdown
        for (ReportFormat format : ReportFormat.values()) {
            if (!formats.contains(format)) {
                continue;
            }
            if (report == null && format != ReportFormat.JUNIT) {
                report = RunReport.build(run);
            }
            String content = switch (format) {
                case HTML -> HtmlWriter.render(report);
                case MARKDOWN -> MarkdownWriter.render(report);
                case JUNIT -> JUnitXml.render(RunJUnit.build(run));
            };
            written.add(Files.setPosixFilePermissions(writeAtomically(outDir.resolve(format.fileName()), content), Files.getPosixFilePermissions(journal)));
        }
        return written;
    }

    /** A run in one line (history, a plan's report) from its journal or run folder: the analysis its report shows. */
    public static RunSummary summarize(Path runDirOrJournal) throws IOException {
        Path journal = JournalReader.locate(runDirOrJournal);
        RunAnalyzer analyzer = new RunAnalyzer();
        JournalSummary summary = JournalReader.read(journal, analyzer);
        return RunSummary.of(analyzer.finish(summary, journal));
    }

    /** Readers never see half a report, even if the run is killed while writing it. */
    public static Path writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            // getBytes, not writeString: a lone surrogate from a damaged journal becomes '?' rather than an error.
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
