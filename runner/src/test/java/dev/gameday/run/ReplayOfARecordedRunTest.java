package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A run really recorded against the demo system, replayed in step mode with a note, then reported:
 * the tabletop prompts come from the journal's experiment copy and the note reaches the report.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class ReplayOfARecordedRunTest extends AgainstTheDemoSystem {
    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

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

        String shown = replay("n nothing would fire: p95 stays under 800 ms\n" + "\n".repeat(20),
                "replay", run.toString(), "--speed", "step", "--notes", notes.toString());

        assertThat(shown).containsSubsequence(
                "── Stop 1/", "step slow-inventory starts; fault injected: latency on inventory",
                "Prompt: Inventory just became 400 ms slower. Which alert fires first, if any?", "note saved",
                "fault removed: slow-inventory on inventory (completed)",
                "Prompt: How would you confirm the storefront is back to normal?",
                "verdict: HELD", "Replay finished.", "1 note(s) saved to " + notes);
        assertThat(shown).doesNotContain(RunTestBed.SECRET);

        assertThat(Gameday.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "report", run.toString(), "--format", "md")).isZero();
        assertThat(Files.readString(run.resolve("report.md")))
                .contains("Tabletop notes", "nothing would fire: p95 stays under 800 ms");
    }

    /** The command in a JVM of its own, {@code input} its standard input: this test swaps no stream of this JVM. */
    private String replay(String input, String... args) throws Exception {
        Path typed = Files.writeString(tmp.resolve("typed.txt"), input);
        Process replay = children.add(new ProcessBuilder(RunTestBed.gameday(args)).redirectInput(typed.toFile())
                .redirectOutput(tmp.resolve("child.out").toFile()).redirectError(tmp.resolve("child.err").toFile()).start());
        assertThat(replay.waitFor(60, TimeUnit.SECONDS)).as("the replay ends").isTrue();
        assertThat(replay.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
        return Files.readString(tmp.resolve("child.out"));
    }
}
