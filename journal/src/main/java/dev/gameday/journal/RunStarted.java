package dev.gameday.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** First line of every journal: what runs, where, by whom, and the plan. */
public record RunStarted(
        int v,
        String runId,
        String experimentFile,
        String experimentSha256,
        ObjectNode experiment,
        String user,
        String host,
        Map<String, String> versions,
        ToxiproxyInfo toxiproxy,
        Map<String, String> vars,
        List<PlanEntry> plan,
        boolean dryRun) implements JournalEvent {

    /** 2: evidence per window and step, detections, path checks, slot-ordered samples. */
    public static final int FORMAT_VERSION = 2;

    @Override
    public String type() {
        return "run.started";
    }

    /** {@code mode} is {@code embedded} or {@code remote}. */
    public record ToxiproxyInfo(String mode, String url) {}
}
