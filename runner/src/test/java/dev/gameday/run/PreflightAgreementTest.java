package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_99;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import dev.gameday.testing.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code run --dry-run} and {@code premortem --check} are the run's own pre-flight: they measure the
 * system through its proxies (created for the check, then removed), with warm-up samples left out and
 * a tolerance window of judged samples, and they give the same answer on the same input.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class PreflightAgreementTest extends AgainstTheDemoSystem {
    private final StringWriter out = new StringWriter();

    private int gameday(Map<String, String> vars, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        vars.forEach((k, v) -> all.addAll(List.of("--var", k + "=" + v)));
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(out, true), all.toArray(String[]::new));
    }

    /** The fragile storefront only works through the proxy: measured before it exists, it looked broken. */
    @Test
    void aSystemThatOnlyWorksThroughItsProxyIsGoForBoth() throws Exception {
        Path file = experimentFile("fragile");

        int check = gameday(bed.vars(), "premortem", file.toString(), "--check", "--out", tmp.resolve("pm").toString());
        String checked = out.toString();
        int dryRun = gameday(bed.vars(), "run", file.toString(), "--dry-run", "--no-progress");

        assertThat(check).as(checked).isZero();
        assertThat(dryRun).as(out.toString()).isZero();
        assertThat(checked).contains("ok    steady state of product-page right now: 20 samples through the proxies",
                "ok    traffic crosses proxy inventory");
        assertThat(bed.proxyNames()).as("what the checks created is gone again").isEmpty();
    }

    /** Probes that reach the storefront while it calls inventory directly: no traffic on the proxy. */
    @Test
    void aSystemThatBypassesTheProxyIsRedForBoth() throws Exception {
        Map<String, String> vars = new HashMap<>(bed.vars());
        vars.put("inventoryProxy", "127.0.0.1:" + Ports.free());
        Path file = experimentFile("resilient");

        int check = gameday(vars, "premortem", file.toString(), "--check", "--out", tmp.resolve("pm").toString());
        int dryRun = gameday(vars, "run", file.toString(), "--dry-run", "--no-progress");

        assertThat(check).isEqualTo(4);
        assertThat(dryRun).as("what the run would end with: inconclusive").isEqualTo(5);
        assertThat(out.toString()).contains("FAIL  traffic crosses proxy inventory: no traffic crossed proxy inventory");
        assertThat(bed.proxyNames()).isEmpty();
    }

    /** The bed's experiment without its secret header: the command line reads secrets from the real environment. */
    private Path experimentFile(String variant) throws Exception {
        return write(tmp, experiment(variant, RATIO_99, latencyStep("slow-inventory", "400ms", "2s"), "")
                .replace("Authorization: Bearer ${secret:DEMO_TOKEN}", "X-Demo: test"));
    }
}
