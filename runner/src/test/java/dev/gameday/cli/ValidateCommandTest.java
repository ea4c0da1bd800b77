package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.load.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gameday validate} through the real entry point. */
class ValidateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void fiveMistakesGiveFiveLocatedErrors() {
        Path file = TestFiles.fixture("five-mistakes.yaml");
        assertThat(run("validate", file.toString())).isEqualTo(3);
        assertThat(errLines()).containsExactly(
                file + ":43:7: steadyState.probes[0]: unknown key 'tolerence' (did you mean 'tolerance'?)",
                file + ":52:14: method[0].fault.proxy: no proxy named 'inventroy' under proxies (did you mean 'inventory'?)",
                file + ":55:17: method[0].fault.toxicity: 1.5 is outside 0..1 (the fraction of connections affected)",
                file + ":57:18: method[0].fault.attributes.latency: '-400ms' is negative: a duration must not be negative",
                file + ":65:12: abort[0].probe: no probe named 'product-pages' under steadyState.probes (did you mean 'product-page'?)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validFilesAreOk() {
        List<String> args = new ArrayList<>(List.of("validate"));
        List<Path> examples = TestFiles.examples().stream()
                .filter(f -> TestFiles.envFor(f).equals(System.getenv()))
                .toList();
        examples.forEach(f -> args.add(f.toString()));
        if (examples.isEmpty()) {
            return; // every example needs a secret; the loader test covers them
        }
        assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
        assertThat(out.toString().lines()).allMatch(l -> l.endsWith(": ok")).hasSize(examples.size());
    }

    @Test
    void varsFromTheCommandLineAndEveryFileReported() {
        Path ok = TestFiles.examples().get(0);
        Path bad = TestFiles.fixture("five-mistakes.yaml");
        // the example's secret is set through a var to nothing else: --var does not satisfy ${secret:...}
        int code = run("validate", "--var", "storefront=http://127.0.0.1:9999", bad.toString(), ok.toString());
        assertThat(code).isEqualTo(3);
        assertThat(errLines()).filteredOn(l -> l.startsWith(bad.toString())).hasSize(5);
    }

    @Test
    void badInputNeverShowsAStackTrace() {
        assertThat(run("validate", "/definitely/not/here.yaml")).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("/definitely/not/here.yaml:1:1: no such file" + System.lineSeparator());
        assertThat(run("validate", "--var", "novalue", "x.yaml")).isEqualTo(3);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpHasExamples() {
        assertThat(run("validate", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Examples:").contains("gameday validate experiments/*.yaml")
                .contains("Set ${var.NAME}");
    }
}
