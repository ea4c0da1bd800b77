package dev.gameday.run;

import dev.gameday.recover.CrashRecovery;
import dev.gameday.report.Reports;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The single place a run renders its reports (report.html, report.md, junit.xml) from its journal,
 * after every run — held, refuted, aborted, interrupted. A failure here is a warning: it never
 * changes the run's exit code.
 */
public final class ReportsAfterRun {
    private ReportsAfterRun() {}

    public static void render(Path runDir, PrintStream err) {
        try {
            Reports.writeRunReports(runDir.resolve(CrashRecovery.JOURNAL), runDir);
        } catch (Exception | LinkageError e) {
            err.println("gameday: warning: could not write the reports in " + runDir + ": " + e.getMessage());
        }
    }
}
