package dev.gameday.cli;

import dev.gameday.report.run.ReportFormat;
import dev.gameday.report.Reports;
import dev.gameday.journal.JournalReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gameday report}: (re)renders a run's reports from its journal alone. */
@Command(name = "report",
        header = "Render a run's report (HTML, Markdown, JUnit) from its journal.",
        mixinStandardHelpOptions = true,
        description = {"Render the game-day report of a run from its journal: report.html (with charts),",
            "report.md and junit.xml. Works on partial journals (crash, interrupted run) and says what is missing;",
            "adds the tabletop notes when notes.jsonl lies beside the journal."},
        footer = {"", "Examples:",
            "  gameday report runs/20261122T230000Z-storefront",
            "  gameday report runs/20261122T230000Z-storefront/journal.jsonl --format junit --out target/gameday",
            "  gameday report RUN_DIR --format html,md"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR|JOURNAL", description = "A run folder, or its journal.jsonl.")
    Path source;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Comma-separated: html, md, junit (default: all three).")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the journal's folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path journal;
        try {
            journal = JournalReader.locate(source);
        } catch (NoSuchFileException e) {
            throw new UserInputException(source + ": " + e.getReason());
        }
        List<Path> written = Reports.writeRunReports(journal,
                out != null ? out : journal.toAbsolutePath().getParent(), formats());
        written.forEach(p -> spec.commandLine().getOut().println(p));
        return ExitCode.OK.code();
    }

    private Set<ReportFormat> formats() {
        if (formats == null || formats.isEmpty()) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> set = EnumSet.noneOf(ReportFormat.class);
        for (String f : formats) {
            try {
                set.add(ReportFormat.of(f));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--format: " + e.getMessage());
            }
        }
        return set;
    }
}
