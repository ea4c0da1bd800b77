package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.cli.Gameday;
import dev.gameday.journal.JournalFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A {@code gameday run} in a child JVM, against the test's own Toxiproxy-compatible server, stopped
 * mid-fault by SIGTERM or killed with SIGKILL: the test checks through the server's API what is left.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
class RunSignalsTest extends AgainstTheDemoSystem {
    private static final String LONG_FAULT = RunTestBed.latencyStep("slow-inventory", "100ms", "60s");

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    Process child;

    @Test
    void sigtermMidFaultRemovesEveryToxicAndProxyAndClosesTheJournal() throws Exception {
        Path out = out();
        child = children.add(startRun(write(tmp, experiment("resilient", RATIO_LENIENT, LONG_FAULT, "")), out));
        awaitToxicInPlace(out);

        child.destroy();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("SIGTERM: 128 + 15, as the README's table says").isEqualTo(143);
        assertThat(Files.readString(tmp.resolve("child.err"))).as("the hook says where the run folder is")
                .contains("interrupted; removed 1 fault(s)", "run folder: " + runDir(out));
        assertThat(bed.proxyNames()).isEmpty();
        JournalFile j = journal(runDir(out));
        assertThat(j.first("fault.removed").orElseThrow().path("reason").asText()).isEqualTo("signal");
        JsonNode last = j.events().get(j.events().size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("run.interrupted");
        assertThat(last.path("removed").toString()).contains("slow-inventory");
        assertThat(runDir(out).resolve("run.lock")).doesNotExist();
        assertThat(runDir(out).resolve("report.html")).as("reports rendered by the hook").isNotEmptyFile();
    }

    @Test
    void afterKillNineRecoverRemovesWhatTheRunLeftAndMarksItInterrupted() throws Exception {
        Path out = out();
        child = children.add(startRun(write(tmp, experiment("resilient", RATIO_LENIENT, LONG_FAULT, "")), out));
        awaitToxicInPlace(out);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bed.api().getProxy("inventory").toxics().getAll()).as("left behind by the crash").hasSize(1);

        assertThat(Gameday.execute("recover", out.toString())).isZero();

        assertThat(bed.proxyNames()).isEmpty();
        JournalFile j = journal(runDir(out));
        assertThat(j.first("fault.removed").orElseThrow().path("reason").asText()).isEqualTo("recover");
        assertThat(j.first("proxy.removed").orElseThrow().path("proxy").asText()).isEqualTo("inventory");
        JsonNode last = j.events().get(j.events().size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("run.interrupted");
        assertThat(last.path("removed").toString()).contains("slow-inventory");
        assertThat(runDir(out).resolve("run.lock")).doesNotExist();
        assertThat(Gameday.execute("recover", out.toString())).as("nothing left the second time").isZero();
        assertThat(journal(runDir(out)).all("run.interrupted")).hasSize(1);
    }

    private Process startRun(Path file, Path out) throws Exception {
        return bed.startGameday(RunTestBed.launcher(), file, out, tmp);
    }

    private void awaitToxicInPlace(Path out) {
        RunTestBed.awaitWhileRunning(child, tmp, Duration.ofSeconds(60), () -> Files.isDirectory(out)
                && Files.list(out).findAny().isPresent()
                && Files.exists(runDir(out).resolve("journal.jsonl"))
                && journal(runDir(out)).first("fault.injected").isPresent());
    }
}
