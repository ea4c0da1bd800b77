package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.ExperimentLoader;
import dev.gameday.experiment.load.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("swaps the JVM's standard streams or its log levels, which every test shares")
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A 2 s run written per docs/journal.md: one fault, a breach, the verdict. */
    private static final String JOURNAL = """
            {"type":"run.started","t":1795000000000,"seq":0,"v":1,"runId":"r1","user":"alice","host":"laptop",\
            "toxiproxy":{"mode":"embedded","url":null},"dryRun":false,"experiment":{"title":"Slow inventory",\
            "hypothesis":"Pages stay fast.","steadyState":{"probes":[{"name":"page","tolerance":{"window":1000,\
            "successRatio":{"op":">=","ratio":0.9}}}]},"tabletop":[{"step":"slow","at":"start",\
            "prompt":"Which alert fires first?"}]}}
            {"type":"phase","t":1795000000010,"seq":1,"phase":"method"}
            {"type":"step.started","t":1795000000100,"seq":2,"step":"slow","kind":"fault","parent":null}
            {"type":"fault.injected","t":1795000000101,"seq":3,"step":"slow","proxy":"inventory",\
            "toxic":{"name":"slow","type":"latency","stream":"downstream","toxicity":1.0,"attributes":{"latency":400}}}
            {"type":"sample","t":1795000000200,"seq":4,"probe":"page","ok":true,"ms":410.5,"status":200,"error":null}
            {"type":"sample","t":1795000000300,"seq":5,"probe":"page","ok":false,"ms":30,"status":503,"error":"503"}
            {"type":"tolerance","t":1795000000300,"seq":6,"probe":"page","phase":"method","tolerance":"successRatio",\
            "holds":false,"observed":0.5,"expected":">= 90%"}
            {"type":"fault.removed","t":1795000001100,"seq":7,"step":"slow","proxy":"inventory","toxicName":"slow",\
            "reason":"completed"}
            {"type":"step.ended","t":1795000001101,"seq":8,"step":"slow"}
            {"type":"verdict","t":1795000001900,"seq":9,"verdict":"refuted","summary":"Pages failed.",\
            "evidence":[],"timeToDetect":[],"timeToRecoverMs":null}
            {"type":"run.ended","t":1795000002000,"seq":10,"verdict":"refuted"}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private InputStream stdin;
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void captureConsole() throws Exception {
        stdin = System.in;
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("journal.jsonl"), JOURNAL);
    }

    @AfterEach
    void restoreConsole() {
        System.setIn(stdin);
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int replay(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return Gameday.execute(all);
    }

    @Test
    void facilitatesAStepReplayFromStandardInputAndKeepsNotes() throws Exception {
        Path notes = dir.resolve("notes.jsonl");

        int code = replay("r\nn the latency alert, after 5 minutes\n\n\n\n", dir.toString(), "--speed", "step",
                "--notes", notes.toString());

        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(shown).containsSubsequence("── Stop 1/3 · T+00:00.1 · step slow starts; fault injected: latency on "
                        + "inventory (downstream, latency=400)", "Prompt: Which alert fires first?",
                "What happened next:", "then, at T+00:00.3: tolerance breached: page successRatio 50% over its 1 s window, outside >= 90%",
                "note saved", "── Stop 2/3 · T+00:00.3", "── Stop 3/3 · T+00:01.1 · fault removed: slow on inventory "
                        + "(completed)", "T+00:01.9  verdict: REFUTED — Pages failed.", "Replay finished.",
                "1 note(s) saved to " + notes);
        List<String> saved = Files.readAllLines(notes);
        assertThat(saved).hasSize(1);
        JsonNode note = JSON.readTree(saved.get(0));
        assertThat(note.get("t").asLong()).isEqualTo(1795000000100L);
        assertThat(note.get("note").asText()).isEqualTo("the latency alert, after 5 minutes");
        assertThat(note.get("stop").asText()).startsWith("step slow starts; fault injected");
    }

    /**
     * The example experiment, loaded and normalised as {@code gameday run} copies it into run.started:
     * its tabletop prompts and its tolerance drive the stops.
     */
    @Test
    void stopsAtTheExampleExperimentsPromptsAndTolerance() throws Exception {
        Path yaml = TestFiles.examplesDir().resolve("storefront-survives-slow-inventory.yaml");
        ObjectNode copy = ExperimentJson.toTree(ExperimentLoader.load(yaml, Map.of(), TestFiles.envFor(yaml)).redacted());
        Path run = dir.resolve("example-run");
        Files.createDirectories(run);
        List<ObjectNode> events = new ArrayList<>();
        event(events, 0, "run.started").put("v", 1).put("runId", "example").set("experiment", copy);
        event(events, 50, "phase").put("phase", "before");
        event(events, 3000, "phase").put("phase", "method");
        event(events, 3000, "step.started").put("step", "slow-inventory").put("kind", "fault").putNull("parent");
        event(events, 3001, "fault.injected").put("step", "slow-inventory").put("proxy", "inventory")
                .set("toxic", JSON.createObjectNode().put("name", "slow-inventory").put("type", "latency")
                        .put("stream", "downstream").put("toxicity", 1.0).set("attributes",
                                JSON.createObjectNode().put("latency", 400).put("jitter", 50)));
        event(events, 9001, "fault.removed").put("step", "slow-inventory").put("proxy", "inventory")
                .put("toxicName", "slow-inventory").put("reason", "completed");
        event(events, 9002, "step.ended").put("step", "slow-inventory");
        event(events, 10003, "phase").put("phase", "recovery");
        event(events, 10500, "phase").put("phase", "after");
        event(events, 13000, "verdict").put("verdict", "refuted").put("summary", "Product pages failed.");
        event(events, 13100, "run.ended").put("exitCode", 1).put("verdict", "refuted");
        for (long t = 100; t < 13000; t += 100) {
            boolean failing = t >= 5000 && t < 5500;
            event(events, t, "sample").put("probe", "product-page").put("ok", !failing)
                    .put("ms", t >= 3000 && t < 9000 ? 430.5 : 21.0).put("status", failing ? 500 : 200);
        }
        events.sort(Comparator.comparingLong(e -> e.get("t").asLong()));
        StringBuilder journal = new StringBuilder();
        for (int seq = 0; seq < events.size(); seq++) {
            journal.append(events.get(seq).put("seq", seq)).append('\n');
        }
        Files.writeString(run.resolve("journal.jsonl"), journal);

        int code = replay("\n\n\n\n", run.toString(), "--speed", "step");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsSubsequence(
                "── Stop 1/4 · T+00:03.0 · step slow-inventory starts; fault injected: latency on inventory",
                "Prompt: Inventory just became 400 ms slower. Which alert fires first, if any?",
                "── Stop 2/4 · T+00:05.0 · tolerance breached: product-page successRatio 95% over its 2 s window, "
                        + "outside >= 99% (during)",
                "── Stop 3/4 · T+00:09.0 · fault removed: slow-inventory on inventory (completed)",
                "── Stop 4/4 · T+00:10.0 · phase recovery begins",
                "Prompt: How would you confirm the storefront is back to normal?",
                "verdict: REFUTED — Product pages failed.", "Replay finished.");
    }

    private static ObjectNode event(List<ObjectNode> events, long offset, String type) {
        ObjectNode event = JSON.createObjectNode().put("type", type).put("t", 1795000000000L + offset);
        events.add(event);
        return event;
    }

    @Test
    void playsAtTheRequestedSpeedWithoutReadingInput() {
        int code = replay("", dir.resolve("journal.jsonl").toString(), "--speed", "100x");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Speed 100x")
                .containsSubsequence("fault injected", "   ? Which alert fires first?", "run ended (refuted)",
                        "Replay finished.");
    }

    @Test
    void badInputIsOneLineAndExitCode3() {
        assertThat(replay("", dir.toString(), "--speed", "fast")).isEqualTo(3);
        assertThat(replay("", dir.resolve("missing").toString())).isEqualTo(3);
        assertThat(replay("", dir.toString(), "--from", "1 minute")).isEqualTo(3);
        assertThat(replay("", dir.toString(), "--from", "10s")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "gameday: --speed 'fast': use Nx (1x, 10x, 60x), realtime or step",
                "gameday: " + dir.resolve("missing") + ": no journal here (expected a run "
                        + "folder or a journal.jsonl file)",
                "gameday: '1 minute' is not a time from the run start: use e.g. 30s, 1m30s, 500ms",
                "gameday: --from T+00:10.0 is after the end of the journal (T+00:02.0)");
    }

    @Test
    void helpShowsExamples() {
        assertThat(replay("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--speed=10x|realtime|step", "Examples:",
                "notes.jsonl", "docs/replay.md");
    }
}
