package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.load.TestFiles;
import dev.gameday.experiment.load.ValidationRulesTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void validFilesAreOkAndVarsComeFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), ValidationRulesTest.BASE);
        Path withVar = Files.writeString(dir.resolve("var.yaml"),
                ValidationRulesTest.BASE.replace("127.0.0.1:9000", "${var.upstream}"));
        assertThat(run("validate", "--var", "upstream=127.0.0.1:7000", plain.toString(), withVar.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(plain + ": ok", withVar + ": ok");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyFileIsReported(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), ValidationRulesTest.BASE);
        Path bad = TestFiles.fixture("five-mistakes.yaml");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThat(run("validate", bad.toString(), ok.toString(), empty.toString())).isEqualTo(3);
        assertThat(out.toString().lines()).containsExactly(ok + ": ok");
        assertThat(errLines()).filteredOn(l -> l.startsWith(bad + ":")).hasSize(5);
        assertThat(errLines()).filteredOn(l -> l.startsWith(empty + ":1:1: the file is empty")).hasSize(1);
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
