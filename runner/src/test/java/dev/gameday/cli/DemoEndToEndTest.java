package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.run.ChildProcesses;
import dev.gameday.run.RunTestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a new user runs it: {@code gameday demo} runs the three bundled game
 * days against the demo system through the embedded proxy and each reaches the verdict it was designed
 * for, with its journal, reports and JUnit file; every fault it injected was on the traffic path.
 */
@Order(2) // a long pole of the suite: started among the first, so the others fill in beside it
class DemoEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    @TempDir
    Path tmp;

    @Test
    void theDemoReachesItsThreeDesignedVerdicts() throws Exception {
        // A JVM of its own, as the user starts it: its console is the process's standard output, so this
        // test takes no lock on the JVM's System.out and runs beside the others.
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Process demo = children.add(RunTestBed.start(RunTestBed.gameday("demo", "--out", tmp.toString()), logs));
        assertThat(demo.waitFor(180, TimeUnit.SECONDS)).as("the demo ends").isTrue();
        String console = Files.readString(logs.resolve("child.out")) + Files.readString(logs.resolve("child.err"));

        assertThat(demo.exitValue()).as(console).isZero();
        assertThat(console).contains("Every experiment reached the verdict it was designed for.");
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(tmp)) {
            runs = dirs.filter(d -> Files.exists(d.resolve("journal.jsonl"))).sorted().toList();
        }
        assertThat(runs).hasSize(3);
        for (Path run : runs) {
            assertThat(run.resolve("report.html")).isNotEmptyFile();
            assertThat(run.resolve("report.md")).isNotEmptyFile();
            assertThat(run.resolve("junit.xml")).isNotEmptyFile();
            for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) {
                JsonNode event = JSON.readTree(line);
                if (event.path("type").asText().equals("path")) {
                    assertThat(event.path("carried").asBoolean()).as(run + ": " + line).isTrue();
                }
            }
            assertThat(Files.readString(run.resolve("report.md"))).doesNotContain("NO TRAFFIC");
        }
    }
}
