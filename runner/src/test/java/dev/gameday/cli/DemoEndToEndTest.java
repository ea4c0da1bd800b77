package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The README's first command, as a new user runs it: {@code gameday demo} runs the three bundled game
 * days against the demo system through the embedded proxy and each reaches the verdict it was designed
 * for, with its journal, reports and JUnit file; every fault it injected was on the traffic path.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class DemoEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theDemoReachesItsThreeDesignedVerdicts() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = Gameday.commandLine().execute("demo", "--out", tmp.toString());
        } finally {
            System.setOut(stdout);
        }
        String console = printed.toString(StandardCharsets.UTF_8);

        assertThat(code).as(console).isZero();
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
