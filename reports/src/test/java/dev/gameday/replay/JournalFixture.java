package dev.gameday.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes journals exactly as docs/journal.md defines them. Lines go in the order a runner appends
 * them: a sample when it completes (t + ms), everything else at its t; seq counts lines.
 */
final class JournalFixture {
    static final long START = 1_795_000_000_000L;
    static final ObjectMapper JSON = new ObjectMapper();

    private record Line(long appendedAt, ObjectNode event) {}

    private final List<Line> lines = new ArrayList<>();

    /** An event {@code offset} ms after the run start; {@code fields} alternate names and values. */
    JournalFixture event(long offset, String type, Object... fields) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("t", START + offset);
        for (int i = 0; i < fields.length; i += 2) {
            event.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        lines.add(new Line(START + offset, event));
        return this;
    }

    JournalFixture sample(long offset, String probe, boolean ok, double ms) {
        ObjectNode event = JSON.createObjectNode().put("type", "sample").put("t", START + offset).put("probe", probe)
                .put("ok", ok).put("ms", ms);
        event.put("status", ok ? 200 : 503).put("error", ok ? null : "status 503");
        lines.add(new Line(START + offset + Math.round(ms), event));
        return this;
    }

    /** A JSON object with its fields in the order given, as a journal writer would write them. */
    static ObjectNode obj(Object... fields) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            node.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return node;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        List<Line> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparingLong(Line::appendedAt));
        long seq = 0;
        for (Line line : ordered) {
            ObjectNode event = line.event().deepCopy();
            event.put("seq", seq++);
            out.append(event).append('\n');
        }
        return out.toString();
    }

    Path write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        return Files.writeString(runDir.resolve("journal.jsonl"), text());
    }

    static ObjectNode experiment() {
        return obj(
                "version", 1,
                "title", "Storefront survives a slow inventory service",
                "hypothesis", "Product pages keep answering while inventory is slow.",
                "steadyState", obj("before", 500, "after", 500, "probes", List.of(obj(
                        "name", "product-page", "type", "http", "interval", 100, "timeout", 2000,
                        "check", List.of("continuously"),
                        "target", obj("url", "http://127.0.0.1:8080/products/42"),
                        "tolerance", obj("window", 1000, "successRatio", obj("op", ">=", "ratio", 0.9)))))
                ,
                "method", List.of(obj("name", "slow-inventory", "fault", obj("proxy", "inventory",
                        "toxic", "latency", "stream", "downstream", "toxicity", 1.0,
                        "attributes", obj("latency", 400, "jitter", 50), "duration", 1500))),
                "tabletop", List.of(
                        obj("step", "slow-inventory", "at", "start",
                                "prompt", "Inventory just became 400 ms slower. Which alert fires first, if any?"),
                        obj("step", "slow-inventory", "at", "end", "prompt", "The fault is gone. What tells you?"),
                        obj("phase", "recovery", "prompt", "How would you confirm the storefront is back to normal?")));
    }

    /**
     * A 3 s run: the method begins at T+0.39 s, inventory slowed at T+1.0 s, product pages fail from
     * T+1.5 s, so that the first 1 s window outside the tolerance ends at T+1.6 s; the abort condition
     * trips at T+1.9 s, recovery, verdict aborted. With {@code journaledTolerances} the runner also
     * journaled the breach and the recovery of the tolerance (replay ignores them: its judge sees them).
     */
    static JournalFixture storefront(boolean journaledTolerances) {
        JournalFixture j = new JournalFixture()
                .event(0, "run.started", "v", 1, "runId", "20261122T210000Z-storefront",
                        "experimentFile", "experiments/storefront.yaml", "experimentSha256", "ab12",
                        "experiment", experiment(), "user", "alice", "host", "laptop",
                        "versions", obj("gameday", "dev", "java", "17"),
                        "toxiproxy", obj("mode", "embedded"), "vars", obj(),
                        "plan", List.of(obj("step", "slow-inventory", "kind", "fault", "startMs", 0,
                                "durationMs", 1500, "proxy", "inventory", "toxic", "latency")),
                        "dryRun", false)
                .event(10, "phase", "phase", "preflight")
                .event(20, "proxy.created", "proxy", "inventory", "listen", "127.0.0.1:8666",
                        "upstream", "127.0.0.1:8081", "createdByRun", true)
                .event(50, "phase", "phase", "before")
                .event(390, "phase", "phase", "method")
                .event(1000, "step.started", "step", "slow-inventory", "kind", "fault", "parent", null)
                .event(1001, "fault.injected", "step", "slow-inventory", "proxy", "inventory",
                        "toxic", obj("name", "slow-inventory", "type", "latency", "stream", "downstream",
                                "toxicity", 1.0, "attributes", obj("latency", 400, "jitter", 50)))
                .event(1900, "abort", "condition", "storefront-collapsing", "probe", "product-page",
                        "observed", 0.5, "expected", "successRatio < 50%",
                        "message", "product pages failing")
                .event(1901, "fault.removed", "step", "slow-inventory", "proxy", "inventory",
                        "toxicName", "slow-inventory", "reason", "abort")
                .event(1902, "step.ended", "step", "slow-inventory")
                .event(2500, "phase", "phase", "recovery")
                .event(2600, "recovery", "recoveredAfterMs", 600, "withinMs", 5000, "ok", true)
                .event(2700, "phase", "phase", "rollback")
                .event(2800, "proxy.removed", "proxy", "inventory")
                .event(2900, "verdict", "verdict", "aborted", "summary", "Aborted: product pages failed.",
                        "evidence", List.of(), "timeToDetect", List.of(obj("step", "slow-inventory", "ms", 600)),
                        "timeToRecoverMs", 600)
                .event(2950, "phase", "phase", "done")
                .event(3000, "run.ended", "exitCode", 2, "verdict", "aborted");
        for (long t = 100; t <= 2900; t += 100) {
            boolean failing = t >= 1500 && t <= 1900;
            boolean slow = t >= 1000 && t < 1900;
            j.sample(t, "product-page", !failing, failing ? 30 : slow ? 420 : 20);
        }
        if (journaledTolerances) {
            j.event(1600, "tolerance", "probe", "product-page", "phase", "method", "tolerance", "successRatio",
                    "holds", false, "observed", 0.8, "expected", ">= 90%");
            j.event(2700, "tolerance", "probe", "product-page", "phase", "recovery", "tolerance", "successRatio",
                    "holds", true, "observed", 1.0, "expected", ">= 90%");
        }
        return j;
    }

    /** A 300 ms run with one probe and no faults. */
    static JournalFixture tiny() {
        return new JournalFixture()
                .event(0, "run.started", "v", 1, "runId", "tiny", "experiment", experiment())
                .event(10, "phase", "phase", "before")
                .sample(100, "product-page", true, 5)
                .sample(200, "product-page", true, 6)
                .event(300, "run.ended", "exitCode", 0, "verdict", "held");
    }
}
