package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal whose write fails mid-batch (a file size limit, {@code ulimit -f}, reached inside one write
 * of many lines) says exactly how many whole lines are on file: the ones of the batch that the kernel
 * took before the limit count too. The run's "the journal ends after line N" is that number.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class JournalFileSizeLimitTest {
    @TempDir
    Path tmp;

    @Test
    void theFailureCountsTheWholeLinesOnFile() throws Exception {
        Path journal = tmp.resolve("journal.jsonl");
        // 100 KiB: a few thousand lines, taken in batches whose writes the limit cuts short.
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f 100 && exec \"$@\"", "bash"));
        cmd.addAll(ChildJvm.command(FillPastTheLimit.class.getName(), List.of(journal.toString())));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isZero();

        byte[] onFile = Files.readAllBytes(journal);
        assertThat(onFile.length).as("the limit was reached").isEqualTo(100 * 1024);
        long wholeLines = new String(onFile, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        assertThat(printed).contains("linesWritten=" + wholeLines);
    }
}
