package dev.gameday.plan.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.plan.EntryResult;
import dev.gameday.plan.Participant;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlannedExperiment;
import dev.gameday.plan.Stage;
import dev.gameday.report.run.RunReports;
import dev.gameday.run.Verdict;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code <out>/<UTC timestamp>-plan-<plan>/}: the plan folder, one sub-folder per entry (the entry's
 * runs' output folder), and {@code plan.json}, the record the combined reports are rendered from
 * (docs/plan-format.md): the plan, each entry's run folder and verdict (the run's, as its journal
 * says), the plan's verdict once it is over. Rewritten atomically after each entry.
 */
public final class PlanFolder {
    public static final String RECORD = "plan.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Plan plan;
    private final Instant started;

    private PlanFolder(Path dir, Plan plan, Instant started) {
        this.dir = dir;
        this.plan = plan;
        this.started = started;
    }

    public static PlanFolder create(Path outDir, Plan plan, Instant now) throws IOException {
        Files.createDirectories(outDir);
        String base = STAMP.format(now) + "-plan-" + plan.slug();
        for (int i = 1; ; i++) {
            try {
                Path dir = Files.createDirectory(outDir.resolve(i == 1 ? base : base + "-" + i));
                PlanFolder folder = new PlanFolder(dir, plan, now);
                folder.write(List.of(), null, null);
                return folder;
            } catch (FileAlreadyExistsException taken) {
                // Two plans in the same second: number the next one.
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public Path entryDir(PlannedExperiment entry) {
        return dir.resolve(entry.id());
    }

    /** Writes plan.json: what is known so far; {@code verdict} and {@code ended} once the plan is over. */
    public synchronized void write(List<EntryResult> results, Verdict verdict, Instant ended) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1);
        root.put("title", plan.title());
        root.put("planFile", plan.file().toString());
        root.put("owner", plan.owner());
        root.put("team", plan.team());
        root.put("stop", plan.stop().key());
        root.put("started", started.toString());
        root.put("ended", ended == null ? null : ended.toString());
        root.put("verdict", verdict == null ? null : verdict.key());
        ArrayNode people = root.putArray("participants");
        for (Participant p : plan.participants()) {
            people.addObject().put("name", p.name()).put("role", p.role()).put("contact", p.contact());
        }
        ArrayNode entries = root.putArray("entries");
        for (int s = 0; s < plan.stages().size(); s++) {
            Stage stage = plan.stages().get(s);
            for (PlannedExperiment e : stage.entries()) {
                ObjectNode n = entries.addObject();
                n.put("id", e.id());
                n.put("experiment", e.experiment().toString());
                n.put("stage", s + 1);
                n.put("parallel", stage.parallel());
                ObjectNode vars = n.putObject("vars");
                new java.util.TreeMap<>(e.vars()).forEach(vars::put);
                EntryResult r = results.stream().filter(x -> x.entry().equals(e)).findFirst().orElse(null);
                n.put("status", r == null ? "pending" : r.run() != null ? "ran" : r.wasRun() ? "failed" : "not-run");
                n.put("verdict", r == null || r.verdict() == null ? null : r.verdict().key());
                n.put("runDir", r == null || r.runDir() == null ? null : dir.toAbsolutePath().normalize().relativize(r.runDir().toAbsolutePath()
                        .normalize()).toString());
                n.put("note", r == null ? null : r.note());
            }
        }
        RunReports.writeAtomically(dir.resolve(RECORD), plan.redactor().redact(MAPPER.writeValueAsString(root)));
    }
}
