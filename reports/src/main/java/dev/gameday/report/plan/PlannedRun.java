package dev.gameday.report.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.run.RunReports;
import dev.gameday.report.run.RunSummary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One entry of plan.json and, when it ran, what its journal says ({@code run}; null when it did not
 * run or its journal cannot be read: {@code problem} says why). {@code runDir} is relative to the plan folder.
 */
record PlannedRun(String id, String experiment, JsonNode vars, String status, String verdict, String runDir,
        String note, RunSummary run, String problem) {

    static PlannedRun read(Path planDir, JsonNode entry) {
        String runDir = entry.path("runDir").isTextual() ? entry.path("runDir").asText() : null;
        RunSummary run = null;
        String problem = null;
        if (runDir != null) {
            try {
                run = RunReports.summarize(planDir.resolve(runDir));
            } catch (IOException | RuntimeException e) {
                problem = "its journal cannot be read: " + e.getMessage();
            }
        }
        return new PlannedRun(entry.path("id").asText(), entry.path("experiment").asText(), entry.path("vars"),
                entry.path("status").asText("pending"), run != null ? run.verdict() : text(entry, "verdict"), runDir,
                text(entry, "note"), run, problem);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.path(field).asText() : null;
    }

    /** "variant=fragile, build=1.2" or "". */
    String varsText() {
        StringBuilder s = new StringBuilder();
        vars.fields().forEachRemaining(e -> s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append('=')
                .append(e.getValue().asText()));
        return s.toString();
    }
}
