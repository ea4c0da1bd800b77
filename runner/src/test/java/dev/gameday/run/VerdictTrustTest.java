package dev.gameday.run;

import dev.gameday.cli.ExitCode;
import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.types;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.journal.JournalFile;
import dev.gameday.testing.Ports;
import eu.rekawek.toxiproxy.Proxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The verdict is only worth its evidence: each way a run could say HELD without having tested the
 * hypothesis, against the real demo system through a real Toxiproxy-compatible server.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
class VerdictTrustTest extends AgainstTheDemoSystem {

    /** The proxy's upstream has nothing listening: the storefront would answer from its cache all along. */
    @Test
    void aDeadUpstreamStopsThePreflightNamingTheProxyAndTheAddress() throws Exception {
        Map<String, String> vars = new HashMap<>(bed.vars());
        String dead = "127.0.0.1:" + Ports.free();
        vars.put("inventoryUpstream", dead);
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "400ms", "2s"), ""));

        RunResult r = RunTestBed.run(file, out(), vars);

        assertThat(ExitCode.of(r).code()).isEqualTo(4);
        assertThat(r.summary()).contains("Pre-flight failed, nothing was injected", "proxy inventory", dead,
                "does not accept connections").doesNotContain("every fault was removed");
        assertThat(types(runDir(out()))).doesNotContain("fault.injected", "sample");
        assertThat(bed.proxyNames()).isEmpty();
    }

    /** The storefront reaches inventory at one address, the experiment's proxy listens at another. */
    @Test
    void aSystemThatBypassesTheProxyIsInconclusiveNeverHeld() throws Exception {
        Map<String, String> vars = new HashMap<>(bed.vars());
        vars.put("inventoryProxy", "127.0.0.1:" + Ports.free());
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "400ms", "2s"), ""));

        RunResult r = RunTestBed.run(file, out(), vars);

        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ExitCode.of(r).code()).isEqualTo(5);
        assertThat(r.summary()).contains("fault slow-inventory on proxy inventory carried no traffic during the fault",
                "the system under test does not use this proxy");
        JsonNode path = journal(runDir(out())).first("path").orElseThrow();
        assertThat(path.path("carried").asBoolean(true)).isFalse();
        assertThat(path.path("connections").asLong(-1)).isZero();
        assertThat(journal(runDir(out())).first("verdict").orElseThrow().path("verdict").asText())
                .isEqualTo("inconclusive");
    }

    /** A proxy of that name on the server, wired elsewhere: a fault on it would hit traffic nobody watches. */
    @Test
    void anExistingProxyWithAnotherAddressIsNotReusedUnlessReplaced() throws Exception {
        String elsewhere = "127.0.0.1:" + Ports.free();
        String otherUpstream = "127.0.0.1:" + bed.demo.inventoryPort();
        bed.api().createProxy("inventory", elsewhere, otherUpstream);
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "400ms", "1s"), ""));

        RunResult refused = bed.run(file, out());

        assertThat(ExitCode.of(refused).code()).isEqualTo(3);
        assertThat(refused.summary()).contains("proxy 'inventory' already exists with another address", elsewhere,
                bed.inventoryProxy, "--replace-proxies");
        assertThat(types(runDir(out()))).doesNotContain("fault.injected");

        Path replacedRuns = tmp.resolve("replaced");
        RunResult replaced = RunEngine.run(RunOptions.of(file, bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET),
                replacedRuns, new PrintStream(PrintStream.nullOutputStream())).replaceProxies(true));

        assertThat(replaced.verdict()).isEqualTo(Verdict.HELD);
        JournalFile j = journal(runDir(replacedRuns));
        assertThat(j.first("proxy.replaced").orElseThrow().path("originalListen").asText()).isEqualTo(elsewhere);
        assertThat(types(runDir(replacedRuns))).contains("proxy.removed", "proxy.restored");
        Proxy restored = bed.api().getProxy("inventory");
        assertThat(restored.getListen()).isEqualTo(elsewhere);
        assertThat(restored.getUpstream()).isEqualTo(otherUpstream);
    }

    /** Every slot sent before the abort comes back — answered or timed out — and is journaled. */
    @Test
    void atAnAbortEverySlotSentYieldsItsSample() throws Exception {
        Path file = write(tmp, experiment("fragile", RATIO_LENIENT, RunTestBed.STALL_60S, RunTestBed.ABORT_WHEN_FAILING_1S));

        RunResult r = bed.run(file, out());

        assertThat(r.verdict()).isEqualTo(Verdict.ABORTED);
        JournalFile j = journal(runDir(out()));
        long method = j.all("phase").stream().filter(p -> p.path("phase").asText().equals("method")).findFirst()
                .orElseThrow().path("t").asLong();
        long abort = j.first("abort").orElseThrow().path("t").asLong();
        List<Long> slots = j.all("sample").stream().map(s -> s.path("t").asLong()).filter(t -> t >= method).toList();
        // One sample per 100 ms slot, none missing, through the last slot sent before the abort — the ones
        // in flight then came back after it and are in the journal too.
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i) - slots.get(i - 1)).as("slot %d after %d", slots.get(i), slots.get(i - 1))
                    .isBetween(99L, 101L);
        }
        assertThat(slots.get(slots.size() - 1)).isGreaterThan(abort - 300);
        long abortSeq = j.first("abort").orElseThrow().path("seq").asLong();
        // A sample's t is its slot's due millisecond and the abort's t the millisecond it was decided in: a
        // slot sent just before the abort within the same millisecond (its timer and the timed-out sample
        // that tripped the abort both due then, on a loaded machine) has the abort's t.
        assertThat(j.all("sample").stream().filter(s -> s.path("seq").asLong() > abortSeq))
                .as("samples in flight at the abort (t=%d), journaled once they came back", abort).isNotEmpty()
                .allMatch(s -> s.path("t").asLong() <= abort);
        // The stalled proxy carried the storefront's calls until the abort took the fault off (and the
        // teardown deleted the proxy): its path is read before the proxy is gone.
        JsonNode path = j.first("path").orElseThrow();
        assertThat(path.path("carried").asBoolean()).as(path.toString()).isTrue();
        assertThat(path.path("upstreamBytes").asLong()).as(path.toString()).isPositive();
    }

    /** A team that truly wants no baseline says so, and the verdict says it has none. */
    @Test
    void baselineSkipRunsWithoutOneAndEveryOutputSaysSo() throws Exception {
        String yaml = experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "100ms", "1s"), "")
                .replace("  before: 1s\n", "  before: 0s\n  baseline: skip\n");
        Path file = write(tmp, yaml);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RunResult r = RunEngine.run(RunOptions.of(file, bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET),
                out(), new PrintStream(printed, true, StandardCharsets.UTF_8)));

        assertThat(r.verdict()).isEqualTo(Verdict.HELD);
        assertThat(r.caveats()).anyMatch(c -> c.startsWith("no baseline"));
        assertThat(r.summary()).contains("Caveat: no baseline").doesNotContain("before, during");
        assertThat(journal(runDir(out())).first("verdict").orElseThrow().path("caveats").toString())
                .contains("no baseline");
        assertThat(Files.readString(runDir(out()).resolve("junit.xml"))).contains("caveats: no baseline")
                .contains("name=\"caveats\" value=\"no baseline");
        assertThat(Files.readString(runDir(out()).resolve("report.md"))).contains("no baseline");
        assertThat(r.evidence()).filteredOn(e -> e.phase().equals("before")).allMatch(e -> e.status().key().equals("info")
                || e.status().key().equals("no data"));
    }

    /** What the console says while a run goes: no "holds again" for a tolerance that never broke, ratios as success. */
    @Test
    void theConsoleSaysHoldsAgainOnlyAfterABreach() throws Exception {
        Path file = write(tmp, experiment("resilient", RATIO_LENIENT, latencyStep("slow-inventory", "100ms", "1s"), ""));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RunEngine.run(RunOptions.of(file, bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET), out(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)));

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("holds again").doesNotContain(" ok 0.0%");
    }
}
