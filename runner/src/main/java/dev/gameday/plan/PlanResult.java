package dev.gameday.plan;

import dev.gameday.run.Verdict;
import java.nio.file.Path;
import java.util.List;

/** A plan run: every entry's result in plan order, the plan's verdict (the worst), and its folder. */
public record PlanResult(Verdict verdict, List<EntryResult> entries, Path planDir) {
    public PlanResult {
        entries = List.copyOf(entries);
    }
}
