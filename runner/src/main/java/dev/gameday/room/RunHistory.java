package dev.gameday.room;

import dev.gameday.journal.JournalReader;
import dev.gameday.report.run.RunReports;
import dev.gameday.report.run.RunSummary;
import dev.gameday.text.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The past runs of the runs folder, each summarised by the reports' analysis of its journal
 * ({@link RunReports#summarize}: the judge's verdict and figures). A summary is kept until its journal
 * changes (size or time), so a page of history reads only the journals that grew. Blocking.
 */
final class RunHistory {
    /** A run of the folder: its folder name and its summary, or why its journal could not be read. */
    record Run(String id, Path dir, RunSummary summary, String problem) {}

    private record Cached(long size, long modified, Run run) {}

    private final RunsFolder folder;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    RunHistory(RunsFolder folder) {
        this.folder = folder;
    }

    List<Run> runs() throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path dir : folder.runs()) {
            Path journal = dir.resolve(JournalReader.FILE_NAME);
            long size = Files.size(journal);
            long modified = Files.getLastModifiedTime(journal).toMillis();
            Cached c = cache.get(dir);
            if (c == null || c.size != size || c.modified != modified) {
                c = new Cached(size, modified, read(folder.id(dir), dir));
                cache.put(dir, c);
            }
            runs.add(c.run);
        }
        return runs;
    }

    private static Run read(String id, Path dir) {
        try {
            return new Run(id, dir, RunReports.summarize(dir), null);
        } catch (IOException | RuntimeException e) {
            return new Run(id, dir, null, Failures.message(e));
        }
    }
}
