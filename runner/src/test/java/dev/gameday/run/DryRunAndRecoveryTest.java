package dev.gameday.run;

import dev.gameday.cli.ExitCode;
import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.fault.Lease;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalFile;
import dev.gameday.journal.ProxyCreated;
import dev.gameday.journal.RunError;
import dev.gameday.journal.RunStarted;
import dev.gameday.journal.ToxicSpec;
import dev.gameday.journal.VerdictReached;
import dev.gameday.recover.RunLock;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code --dry-run} changes nothing; the next run cleans up after a crashed one in the same folder. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class DryRunAndRecoveryTest extends AgainstTheDemoSystem {
    private static final String FAULT = RunTestBed.latencyStep("slow-inventory", "400ms", "2s") + """
            - name: settle
              pause: 1s
            """;


    @Test
    void dryRunChecksPrintsTheTimelineAndCreatesNothing() throws Exception {
        Path out = out();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RunResult r = RunEngine.run(RunOptions.of(write(tmp, experiment("resilient", RATIO_LENIENT, FAULT, "")),
                bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET), out,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).dryRun(true));

        assertThat(ExitCode.of(r).code()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("answers", "ok    proxy inventory: created", "ok    probe product-page answers",
                        "ok    steady state of product-page right now", "ok    traffic crosses proxy inventory",
                        "+0s      fault    slow-inventory — latency on inventory for 2s",
                        "+2s      pause    settle for 1s", "Pre-flight OK: the run would start.")
                .doesNotContain(RunTestBed.SECRET);
        assertThat(bed.proxyNames()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void theNextRunRemovesWhatACrashedRunLeftAndMarksItInterrupted() throws Exception {
        // What a run killed mid-fault leaves: its proxy with a toxic, a journal without an end, a stale lock.
        Proxy proxy = bed.api().createProxy("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort());
        proxy.toxics().latency("gd-deadbeef-slow-inventory", ToxicDirection.DOWNSTREAM, 400);
        Path out = out();
        Path crashed = out.resolve("20200101T000000Z-crashed");
        bed.crashedJournal(crashed, "deadbeef-0000", Lease.thisHost(), "slow-inventory", "gd-deadbeef-slow-inventory");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new RunLock(gone.pid(), null).write(crashed);

        RunResult r = RunEngine.run(RunOptions.of(write(tmp, experiment("resilient", RATIO_LENIENT, FAULT, "")),
                bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET), out,
                new PrintStream(PrintStream.nullOutputStream())).dryRun(true));

        assertThat(ExitCode.of(r).code()).isZero();
        assertThat(bed.proxyNames()).isEmpty();
        JournalFile j = JournalFile.read(crashed.resolve("journal.jsonl"));
        assertThat(j.events().stream().map(e -> e.path("type").asText()).toList())
                .endsWith("fault.removed", "proxy.removed", "run.interrupted");
        assertThat(j.first("run.interrupted").orElseThrow().path("removed").toString())
                .isEqualTo("[{\"proxy\":\"inventory\",\"toxicName\":\"gd-deadbeef-slow-inventory\"}]");
        assertThat(crashed.resolve("run.lock")).doesNotExist();
    }

    @Test
    void recoveryOnAReusedProxyRemovesOnlyTheRunsToxicsEvenOnesTheJournalMissed() throws Exception {
        Proxy proxy = bed.api().createProxy("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort());
        proxy.toxics().latency("gd-deadbeef-recorded", ToxicDirection.DOWNSTREAM, 400);
        proxy.toxics().latency("gd-deadbeef-cut-short", ToxicDirection.DOWNSTREAM, 400);
        proxy.toxics().latency("someone-elses", ToxicDirection.UPSTREAM, 5);
        proxy.disable();
        Path crashed = Files.createDirectories(out().resolve("20200101T000000Z-crashed"));
        try (Journal j = Journal.create(crashed.resolve("journal.jsonl"), UnaryOperator.identity())) {
            j.append(new RunStarted(1, "deadbeef-0000", "x.yaml", "0", null, "u", Lease.thisHost(), Map.of(),
                    new RunStarted.ToxiproxyInfo("remote", bed.toxiproxy.url()), Map.of(), List.of(), false));
            j.append(new ProxyCreated("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort(), false));
            j.append(new FaultInjected("slow", "inventory",
                    new ToxicSpec("gd-deadbeef-recorded", "latency", "downstream", 1.0, Map.of("latency", 400L)), "400 ms latency"));
            j.append(new FaultInjected("outage", "inventory", ToxicSpec.down(), "an outage"));
        }

        assertThat(dev.gameday.cli.Gameday.execute("recover", crashed.toString())).isZero();

        assertThat(bed.proxyNames()).containsExactly("inventory");
        assertThat(bed.api().getProxy("inventory").isEnabled()).isTrue();
        assertThat(bed.api().getProxy("inventory").toxics().getAll()).extracting(t -> t.getName())
                .containsExactly("someone-elses");
        assertThat(JournalFile.read(crashed.resolve("journal.jsonl")).all("fault.removed")).hasSize(3);
    }

    @Test
    void whatARunCouldNotRemoveWhileToxiproxyWasDownIsRemovedOnceItAnswers() throws Exception {
        Proxy proxy = bed.api().createProxy("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort());
        proxy.toxics().latency("gd-0badf00d-slow", ToxicDirection.DOWNSTREAM, 400);
        Path errored = Files.createDirectories(out().resolve("20200101T000000Z-errored"));
        try (Journal j = Journal.create(errored.resolve("journal.jsonl"), UnaryOperator.identity())) {
            j.append(new RunStarted(1, "0badf00d-0000", "x.yaml", "0", null, "u", Lease.thisHost(), Map.of(),
                    new RunStarted.ToxiproxyInfo("remote", bed.toxiproxy.url()), Map.of(), List.of(), false));
            j.append(new ProxyCreated("inventory", bed.inventoryProxy, "127.0.0.1:" + bed.demo.inventoryPort(), true));
            j.append(new FaultInjected("slow", "inventory",
                    new ToxicSpec("gd-0badf00d-slow", "latency", "downstream", 1.0, Map.of("latency", 400L)), "400 ms latency"));
            j.append(new RunError("Toxiproxy failed mid-run", List.of(new InjectedRef("inventory", "gd-0badf00d-slow"))));
            // What a run that cannot undo everything writes: its verdict, and no run.ended (recover closes it).
            j.append(new VerdictReached("error", "Toxiproxy failed mid-run", List.of(), List.of(), null, List.of()));
        }

        assertThat(dev.gameday.cli.Gameday.execute("recover", out().toString())).isZero();

        assertThat(bed.proxyNames()).isEmpty();
        List<String> types = JournalFile.read(errored.resolve("journal.jsonl")).events().stream()
                .map(e -> e.path("type").asText()).toList();
        assertThat(types).endsWith("verdict", "fault.removed", "proxy.removed", "run.ended")
                .doesNotContain("run.interrupted");
        assertThat(JournalFile.read(errored.resolve("journal.jsonl")).first("run.ended").orElseThrow().toString())
                .contains("\"verdict\":\"error\"");
        assertThat(JournalFile.read(errored.resolve("journal.jsonl")).first("fault.removed").orElseThrow()
                .path("reason").asText()).isEqualTo("recover");
    }

    @Test
    void aRunWhoseOwnerIsAliveIsLeftAlone() throws Exception {
        Path out = out();
        Path running = Files.createDirectories(out.resolve("20200101T000000Z-running"));
        try (Journal j = Journal.create(running.resolve("journal.jsonl"), UnaryOperator.identity())) {
            j.append(new RunStarted(1, "cafebabe-0000", "x.yaml", "0", null, "u", Lease.thisHost(), Map.of(),
                    new RunStarted.ToxiproxyInfo("remote", bed.toxiproxy.url()), Map.of(), List.of(), false));
        }
        RunLock.current().write(running);

        assertThat(dev.gameday.cli.Gameday.execute("recover", out.toString())).isZero();

        assertThat(JournalFile.read(running.resolve("journal.jsonl")).finished()).isFalse();
        assertThat(running.resolve("run.lock")).exists();
    }
}
