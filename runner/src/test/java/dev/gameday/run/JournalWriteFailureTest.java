package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The journal's file system refuses a write mid-fault. For real: the child {@code gameday run} runs
 * under {@code ulimit -f} (RLIMIT_FSIZE), so the kernel fails the journal's write past that size with
 * EFBIG ("File too large") — what a full disk does with ENOSPC, with no privilege needed (a tmpfs
 * would need root; {@code /dev/full} cannot hold a journal that is created new). The limit is set a
 * few KB past the size the journal has once the fault is in place, measured by a first run halted
 * right there, so the failure comes mid-fault every time.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Order(5) // a long pole of the suite: started among the first, so the others fill in beside it
class JournalWriteFailureTest extends AgainstTheDemoSystem {
    /** Journal bytes written after the injection before a write fails: about 25 samples. */
    private static final int MARGIN_BYTES = 3000;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    Process child;

    @Test
    void aJournalThatCannotBeWrittenStopsTheRunWhichRemovesItsFaultsAndSaysWhereTheJournalEnds() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow", "100ms", "60s"), ""));
        long atInjection = journalSizeOnceInjected(file);

        Path out = tmp.resolve("runs-b");
        List<String> cmd = new ArrayList<>(List.of("bash", "-c",
                "ulimit -f " + (atInjection + MARGIN_BYTES) / 1024 + " && exec \"$@\"", "bash"));
        cmd.addAll(bed.gamedayRun(RunTestBed.launcher(), file, out, List.of()));
        child = children.add(RunTestBed.start(cmd, tmp));

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(tmp.resolve("child.out"));
        String stderr = Files.readString(tmp.resolve("child.err"));
        assertThat(child.exitValue()).as(stdout + stderr).isEqualTo(4);
        assertThat(stdout).contains("Verdict: ERROR — The journal " + runDir(out).resolve("journal.jsonl"),
                "could not be written (File too large), so the run stopped and removed every fault",
                "Verdict so far:", "`gameday recover " + runDir(out) + "` completes it", "Evidence");
        assertThat(stderr).doesNotContain("Exception", "\tat ");
        assertThat(bed.proxyNames()).as("faults, proxy and lease all removed").isEmpty();

        JournalFile j = journal(runDir(out));
        Matcher endsAfter = Pattern.compile("The journal ends after line (\\d+);").matcher(stdout);
        assertThat(endsAfter.find()).isTrue();
        assertThat(j.events()).as("the line it says the journal ends after").hasSize(Integer.parseInt(endsAfter.group(1)));
        assertThat(j.events().stream().map(e -> e.path("type").asText())).contains("fault.injected")
                .doesNotContain("run.ended", "run.interrupted");

        assertThat(Gameday.execute("recover", out.toString())).isZero();
        JournalFile completed = journal(runDir(out));
        assertThat(completed.events().get(completed.events().size() - 1).path("type").asText())
                .isEqualTo("run.interrupted");
    }

    /** The journal's size right after {@code fault.injected}, from a run halted there (then recovered). */
    private long journalSizeOnceInjected(Path file) throws Exception {
        Path out = tmp.resolve("runs-a");
        List<String> halted = new ArrayList<>(List.of("-D" + Journal.HALT_PROPERTY + "=after:fault.injected"));
        halted.addAll(RunTestBed.launcher());
        Process first = children.add(bed.startGameday(halted, file, out, tmp));
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long size = Files.size(runDir(out).resolve("journal.jsonl"));
        assertThat(Gameday.execute("recover", out.toString())).isZero();
        assertThat(bed.proxyNames()).isEmpty();
        return size;
    }

}
