package dev.gameday.run;

import dev.gameday.cli.ExitCode;
import static dev.gameday.run.RunTestBed.RATIO_99;
import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.outageStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.types;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.cli.Gameday;
import dev.gameday.journal.JournalFile;
import dev.gameday.proxy.EmbeddedToxiproxy;
import dev.gameday.testing.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Whole runs against the real demo system through a real Toxiproxy-compatible server. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
class RunLifecycleTest extends AgainstTheDemoSystem {

    @Test
    void latencyTheResilientStorefrontSurvivesHolds() throws Exception {
        String tolerance = "successRatio: \">= 90%\"\nlatency:\n  p95: \"<= 800ms\"";
        Path file = write(tmp, experiment("resilient", tolerance, latencyStep("slow-inventory", "400ms", "2s"), ""));
        Path out = out();

        RunResult r = bed.run(file, out);

        assertThat(r.verdict()).isEqualTo(Verdict.HELD);
        assertThat(ExitCode.of(r).code()).isZero();
        Path dir = runDir(out);
        assertThat(r.runDir()).isEqualTo(dir);
        // Each change on Toxiproxy is announced before it is made (lease.taking, proxy.creating, fault.injecting).
        assertThat(types(dir)).containsExactly(
                "run.started", "phase", "lease.taking", "proxy.creating", "proxy.created", "phase", "phase",
                "step.started", "fault.injecting", "fault.injected", "path", "fault.removed", "step.ended",
                "phase", "recovery", "phase", "phase", "proxy.removed", "lease.released", "verdict", "phase",
                "run.ended");
        assertThat(journal(dir).all("phase").stream().map(p -> p.path("phase").asText()))
                .containsExactly("preflight", "before", "method", "recovery", "after", "rollback", "done");
        JsonNode removed = journal(dir).first("fault.removed").orElseThrow();
        assertThat(removed.path("reason").asText()).isEqualTo("completed");
        assertThat(journal(dir).first("recovery").orElseThrow().path("ok").asBoolean()).isTrue();
        assertThat(bed.proxyNames()).isEmpty();
        assertThat(Files.exists(dir.resolve("run.lock"))).isFalse();
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("report.md")).isNotEmptyFile();
        assertThat(dir.resolve("junit.xml")).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(dir.resolve("report.html"))).as("reports are as readable as the journal")
                .isEqualTo(Files.getPosixFilePermissions(dir.resolve("journal.jsonl")));
    }

    @Test
    void anOutageTheFragileStorefrontDoesNotSurviveRefutesWithEvidence() throws Exception {
        Path file = write(tmp, experiment("fragile", RATIO_99, outageStep("inventory-outage", "2s"), ""));
        Path out = out();

        RunResult r = bed.run(file, out);

        assertThat(r.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(ExitCode.of(r).code()).isEqualTo(1);
        assertThat(r.summary()).contains("product-page", "success ratio fell to", "during");
        assertThat(r.evidence()).anySatisfy(e -> {
            assertThat(e.phase()).isEqualTo("during");
            assertThat(e.ok()).isFalse();
            assertThat(e.expected()).isEqualTo(">= 99%");
        });
        JsonNode verdict = journal(runDir(out)).first("verdict").orElseThrow();
        assertThat(verdict.path("timeToDetect").get(0).path("step").asText()).isEqualTo("inventory-outage");
        // The answer of the first failing sample came back after it was sent: the engine knew no earlier.
        JsonNode detection = verdict.path("timeToDetect").get(0);
        assertThat(detection.path("knownAfterMs").asLong()).isGreaterThanOrEqualTo(detection.path("sentAfterMs").asLong());
        // An outage disables the proxy: its path is what it carried before it went down.
        JsonNode path = journal(runDir(out)).first("path").orElseThrow();
        assertThat(path.path("carried").asBoolean()).isTrue();
        assertThat(path.path("basis").asText()).isEqualTo("before the outage");
        JsonNode injected = journal(runDir(out)).first("fault.injected").orElseThrow();
        assertThat(injected.path("toxic").toString()).isEqualTo("{\"type\":\"down\"}");
        assertThat(bed.proxyNames()).isEmpty();
    }

    @Test
    void aTrippedAbortRemovesTheFaultAtOnceAndEndsTheRunAborted() throws Exception {
        Path file = write(tmp, experiment("fragile", RATIO_99, RunTestBed.STALL_60S, RunTestBed.ABORT_WHEN_FAILING_1S));
        Path out = out();
        long start = System.currentTimeMillis();

        RunResult r = bed.run(file, out);

        assertThat(r.verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(ExitCode.of(r).code()).isEqualTo(2);
        // Far less than the 60 s fault: the abort cut it short (generous margin for a loaded machine).
        assertThat(System.currentTimeMillis() - start).isLessThan(30_000);
        List<String> types = types(runDir(out));
        assertThat(types.indexOf("abort")).isLessThan(types.indexOf("fault.removed"));
        JournalFile j = journal(runDir(out));
        assertThat(j.first("fault.removed").orElseThrow().path("reason").asText()).isEqualTo("abort");
        long abortAt = j.first("abort").orElseThrow().path("t").asLong();
        long removedAt = j.first("fault.removed").orElseThrow().path("t").asLong();
        assertThat(removedAt - abortAt).as("abort → fault removed, ms").isLessThan(1000);
        assertThat(bed.proxyNames()).isEmpty();
    }

    @Test
    void aSteadyStateThatDoesNotHoldBeforeIsInconclusiveAndInjectsNothing() throws Exception {
        // An unknown variant: the storefront answers 400 to every probe from the start.
        Path file = write(tmp, experiment("unknown-variant", RATIO_99, outageStep("inventory-outage", "2s"), ""));
        Path out = out();

        RunResult r = bed.run(file, out);

        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ExitCode.of(r).code()).isEqualTo(5);
        assertThat(r.summary()).contains("did not hold before any fault");
        assertThat(types(runDir(out))).doesNotContain("fault.injected", "step.started")
                .endsWith("verdict", "phase", "run.ended");
        assertThat(bed.proxyNames()).isEmpty();
    }

    @Test
    void aTargetDownBeforeTheStartFailsPreflightWithExitFourAndNoFault() throws Exception {
        Map<String, String> vars = new HashMap<>(bed.vars());
        vars.put("storefront", "http://127.0.0.1:" + Ports.free());
        Path file = write(tmp, experiment("resilient", RATIO_99, latencyStep("slow-inventory", "400ms", "2s"), ""));
        Path out = out();

        RunResult r = RunTestBed.run(file, out, vars);

        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(ExitCode.of(r).code()).isEqualTo(4);
        assertThat(r.summary()).contains("Pre-flight failed", "product-page", "does not answer");
        assertThat(types(runDir(out))).doesNotContain("fault.injected", "phase.before")
                .contains("error", "proxy.removed");
        assertThat(bed.proxyNames()).isEmpty();
    }

    @Test
    void aListenAddressInUseNamesTheProxyAndTheAddressAndClaimsNoRemoval() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            Map<String, String> vars = new HashMap<>(bed.vars());
            vars.put("inventoryProxy", address);
            Path file = write(tmp, experiment("resilient", RATIO_99, latencyStep("slow-inventory", "400ms", "2s"), ""));

            RunResult r = RunTestBed.run(file, out(), vars);

            assertThat(ExitCode.of(r).code()).isEqualTo(4);
            assertThat(r.summary()).contains("Pre-flight failed, nothing was injected", "proxy 'inventory'",
                    "its listen address " + address + " is already in use").doesNotContain("every fault was removed");
            assertThat(journal(runDir(out())).events().get(journal(runDir(out())).events().size() - 1)
                    .path("type").asText()).isEqualTo("run.ended");
            assertThat(bed.proxyNames()).isEmpty();
        }
    }

    @Test
    void toxiproxyDyingMidRunStopsTheRunWithExitFourAndSaysWhatMayRemain() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "100ms", "60s"), ""));
        Path out = out();
        CompletableFuture<RunResult> run = bed.runUntilInjected(file, out);

        int port = bed.toxiproxy.port();
        RunTestBed.await(bed.toxiproxy.close());
        bed.toxiproxy = null;
        RunResult r = run.get();

        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(ExitCode.of(r).code()).isEqualTo(4);
        JsonNode error = journal(runDir(out)).first("error").orElseThrow();
        assertThat(error.path("stillInjected").toString())
                .contains("\"proxy\":\"inventory\"", "slow-inventory");
        assertThat(r.summary()).contains("may still be injected", "slow-inventory",
                "proxies created by the run and not deleted: inventory", "leases not released on proxies: inventory",
                "the journal stays open: `gameday recover " + runDir(out) + "`");
        assertThat(types(runDir(out))).as("left open for recover").doesNotContain("run.ended", "run.interrupted");

        // Toxiproxy is back (a fresh one: what the run left died with the old one — gone is fine).
        bed.toxiproxy = RunTestBed.await(EmbeddedToxiproxy.start(bed.proxyVertx, "127.0.0.1", port));
        assertThat(Gameday.execute("recover", out.toString())).isZero();
        List<String> closed = types(runDir(out));
        assertThat(closed.get(closed.size() - 1)).isEqualTo("run.ended");
        assertThat(journal(runDir(out)).first("run.ended").orElseThrow().path("verdict").asText()).isEqualTo("error");
    }

    @Test
    void secretsNeverReachTheJournalAndRampsMoveTheToxic() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, """
                - name: creeping-latency
                  fault:
                    proxy: inventory
                    toxic: latency
                    ramp:
                      attribute: latency
                      from: 10ms
                      to: 100ms
                      over: 1s
                      every: 250ms
                    duration: 1500ms
                """, ""));
        Path out = out();

        bed.run(file, out);

        String text = Files.readString(runDir(out).resolve("journal.jsonl"));
        assertThat(text).doesNotContain(RunTestBed.SECRET).contains("Bearer ***");
        // The ramp moved the toxic in steps, and the journal says so.
        assertThat(journal(runDir(out)).all("fault.updated").stream()
                .map(e -> e.path("toxic").path("attributes").path("latency").asLong()).toList())
                .containsExactly(33L, 55L, 78L, 100L);
    }

    @Test
    void invalidInputExitsThreeFromTheCommandLine() throws Exception {
        Path file = write(tmp, "version: 1\ntitle: [unclosed\n");
        assertThat(Gameday.execute("run", file.toString(), "--out", tmp.resolve("runs").toString(), "--no-progress"))
                .isEqualTo(3);
        assertThat(tmp.resolve("runs")).doesNotExist();
    }
}
