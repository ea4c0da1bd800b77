package dev.gameday.run;

import dev.gameday.cli.ExitCode;
import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.SECRET;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import dev.gameday.fault.Lease;
import dev.gameday.journal.JournalFile;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Whose proxies a run or a recovery may touch: a run holds a lease on the proxies it uses on a remote
 * Toxiproxy, so a second run refuses to start; a stale lease of a dead local run is taken back; a
 * journal written on another host is not recovered here unless asked.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
class ProxyOwnershipTest extends AgainstTheDemoSystem {

    @Test
    void aSecondRunOnTheSameProxiesRefusesToStartNamingTheHolderAndLeavesNoLock() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow", "100ms", "3s"), ""));
        Path first = tmp.resolve("first");
        CompletableFuture<RunResult> running = bed.runUntilInjected(file, first);
        String holder = journal(runDir(first)).first("run.started").orElseThrow().path("runId").asText();

        Path second = tmp.resolve("second");
        RunResult refused = bed.run(file, second);

        assertThat(ExitCode.of(refused).code()).isEqualTo(4);
        assertThat(refused.summary()).contains("proxy inventory is in use by run " + holder + " on host "
                + Lease.thisHost() + " (pid " + ProcessHandle.current().pid() + ")");
        assertThat(runDir(second).resolve("run.lock")).doesNotExist();
        assertThat(journal(runDir(second)).all("proxy.creating")).as("it touched nothing").isEmpty();
        assertThat(bed.api().getProxy("inventory").toxics().getAll()).as("the first run's fault is untouched")
                .hasSize(1);
        assertThat(running.get().verdict()).isNotEqualTo(Verdict.ERROR);
        assertThat(bed.proxyNames()).isEmpty();
    }

    @Test
    void aStaleLeaseOfADeadLocalRunIsTakenBackAndTheToxicsItLeftAreRemoved() throws Exception {
        Proxy inventory = bed.api().createProxy("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort());
        inventory.toxics().latency("gd-deadbeef-slow", ToxicDirection.DOWNSTREAM, 400);
        lease("inventory", new Lease("deadbeef-0000", Lease.thisHost(), deadPid(), null));
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow", "100ms", "1s"), ""));

        RunResult r = bed.run(file, out());

        assertThat(r.verdict()).as(r.summary()).isNotEqualTo(Verdict.ERROR);
        assertThat(bed.proxyNames()).as("the reused proxy stays, the lease is gone").containsExactly("inventory");
        assertThat(bed.api().getProxy("inventory").toxics().getAll()).isEmpty();
    }

    @Test
    void aLeaseHeldFromAnotherHostIsNeverTakenBack() throws Exception {
        long pid = deadPid();
        lease("inventory", new Lease("cafebabe-0000", "elsewhere", pid, null));
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow", "100ms", "1s"), ""));

        RunResult r = bed.run(file, out());

        assertThat(ExitCode.of(r).code()).isEqualTo(4);
        assertThat(r.summary()).contains("in use by run cafebabe-0000 on host elsewhere (pid " + pid + ")",
                "run `gameday recover` on host elsewhere");
        assertThat(bed.proxyNames()).containsExactly(Lease.proxyName("inventory"));
    }

    @Test
    void aJournalWrittenOnAnotherHostIsRecoveredOnlyWhenAskedAndTheNextRunLeavesItWithAWarning() throws Exception {
        Proxy inventory = bed.api().createProxy("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort());
        inventory.toxics().latency("gd-0f0f0f0f-slow", ToxicDirection.DOWNSTREAM, 400);
        Path crashed = out().resolve("20200101T000000Z-copied");
        bed.crashedJournal(crashed, "0f0f0f0f-0000", "elsewhere", "slow", "gd-0f0f0f0f-slow");
        StringWriter printed = new StringWriter();

        int refused = Gameday.execute(new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true),
                "recover", out().toString());

        assertThat(refused).isEqualTo(3);
        assertThat(printed.toString()).contains("foreign  " + crashed, "written on host elsewhere",
                "Recover it on elsewhere, or pass --foreign-host");
        assertThat(bed.api().getProxy("inventory").toxics().getAll()).as("nothing touched").hasSize(1);

        ByteArrayOutputStream runOutput = new ByteArrayOutputStream();
        RunEngine.run(RunOptions.of(write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("s", "1ms", "1s"),
                "")), bed.vars(), Map.of("DEMO_TOKEN", SECRET), out(), new PrintStream(runOutput, true,
                StandardCharsets.UTF_8)).dryRun(true));
        assertThat(runOutput.toString(StandardCharsets.UTF_8)).contains("warning: not recovering " + crashed);
        assertThat(JournalFile.read(crashed.resolve("journal.jsonl")).finished()).isFalse();

        assertThat(Gameday.execute("recover", out().toString(), "--foreign-host")).isZero();
        assertThat(bed.proxyNames()).isEmpty();
        assertThat(JournalFile.read(crashed.resolve("journal.jsonl")).first("run.interrupted")).isPresent();
    }

    /** A lease proxy as another run would have left it. */
    private void lease(String proxy, Lease holder) throws Exception {
        bed.api().createProxy(Lease.proxyName(proxy), Lease.LISTEN, holder.upstream()).disable();
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }
}
