package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A run really recorded against the demo system, replayed in step mode with a note, then reported:
 * the tabletop prompts come from the journal's experiment copy and the note reaches the report.
 */
@Isolated("swaps the JVM's standard streams or its log levels, which every test shares")
class ReplayOfARecordedRunTest extends AgainstTheDemoSystem {

    @Test
    void replaysARealJournalAndTheReportShowsTheTabletopNotes() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "400ms", "1s"), "")
                + """
                tabletop:
                  - step: slow-inventory
                    prompt: Inventory just became 400 ms slower. Which alert fires first, if any?
                  - phase: recovery
                    prompt: How would you confirm the storefront is back to normal?
                """);
        bed.run(file, out());
        Path run = runDir(out());
        Path notes = run.resolve("notes.jsonl");

        String shown = gameday("n nothing would fire: p95 stays under 800 ms\n" + "\n".repeat(20),
                "replay", run.toString(), "--speed", "step", "--notes", notes.toString());

        assertThat(shown).containsSubsequence(
                "── Stop 1/", "step slow-inventory starts; fault injected: latency on inventory",
                "Prompt: Inventory just became 400 ms slower. Which alert fires first, if any?", "note saved",
                "fault removed: slow-inventory on inventory (completed)",
                "Prompt: How would you confirm the storefront is back to normal?",
                "verdict: HELD", "Replay finished.", "1 note(s) saved to " + notes);
        assertThat(shown).doesNotContain(RunTestBed.SECRET);

        gameday("", "report", run.toString(), "--format", "md");
        assertThat(Files.readString(run.resolve("report.md")))
                .contains("Tabletop notes", "nothing would fire: p95 stays under 800 ms");
    }

    private static String gameday(String input, String... args) {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Gameday.execute(args)).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
