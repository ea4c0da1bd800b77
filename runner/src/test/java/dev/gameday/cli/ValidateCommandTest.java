package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.experiment.load.TestFiles;
import dev.gameday.experiment.load.ValidationRulesTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code gameday validate} through the real entry point. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
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

    /** Every file of the hostile corpus: refused, located, no stack trace, nothing unprintable, quickly. */
    static Stream<Path> hostileFiles() {
        try (Stream<Path> files = Files.list(TestFiles.fixture("hostile"))) {
            return files.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFilesAreRefusedWithALocatedProblem(Path file) {
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("validate", file.toString()));
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).isNotEmpty();
        assertThat(errLines().get(0)).matches(Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
        assertThat(errLines()).allSatisfy(l -> assertThat(l).startsWith(file + ":"));
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error");
        assertThat(err.toString().replace(System.lineSeparator(), ""))
                .as("no control character reaches the terminal").doesNotContainPattern("\\p{Cc}");
        assertThat(errLines()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void everyMistakeIsListedOnceEvenBehindATypo() {
        Path file = TestFiles.fixture("many-mistakes.yaml");
        assertThat(run("validate", file.toString())).isEqualTo(3);
        String at = file + ":";
        assertThat(errLines()).containsExactly(
                at + "7:15: proxies[0].upstream: port 99999 in '127.0.0.1:99999' is outside 1..65535",
                at + "8:5: proxies[0]: unknown key 'listn' (did you mean 'listen'?)",
                at + "8:12: proxies[0].listen: '127.0.0.1:0x' has no valid port: write host:port, e.g. 127.0.0.1:8080,"
                        + " localhost:8080 or [::1]:8080",
                at + "9:11: proxies[1].name: '..' cannot be a name: in a URL path it means this or the parent folder",
                at + "10:15: proxies[1].upstream: credentials (user:password@) do not belong in an address: write"
                        + " host:port, e.g. 127.0.0.1:8080, localhost:8080 or [::1]:8080",
                at + "13:13: steadyState.probes[0].name: 'home page' may only use letters, digits, '_', '.' and '-'",
                at + "14:13: steadyState.probes[0].type: 'htp' is not one of command, held, http, prometheus, tcp (did you mean 'http'?)",
                at + "15:12: steadyState.probes[0].url: the URL holds credentials (user:password@), which gameday does"
                        + " not send: send them in a header instead, e.g. headers: {Authorization: \"Basic ${secret:NAME}\"}",
                at + "16:7: steadyState.probes[0]: unknown key 'tolerence' (did you mean 'tolerance'?)",
                at + "17:23: steadyState.probes[0].tolerance.successRatio: '99.9' is not a percentage: write e.g. \">= 99%\"",
                at + "18:9: steadyState.probes[0].tolerance: unknown key 'windw' (did you mean 'window'?)",
                at + "18:16: steadyState.probes[0].tolerance.window: must be longer than 0",
                at + "21:16: steadyState.probes[1].address: 'a b' in 'a b:80' is not a host name, an IPv4 address or a"
                        + " bracketed IPv6 address; e.g. 127.0.0.1:8080, localhost:8080 or [::1]:8080",
                at + "23:24: steadyState.probes[1].tolerance.latency.p95: 'fast' is not a duration: write a number and a"
                        + " unit (us, ms, s, m, h, d), e.g. 250ms, 30s, 5m, 1m30s",
                at + "27:14: method[0].fault.proxy: no proxy named 'inventroy' under proxies (did you mean 'inventory'?)",
                at + "28:14: method[0].fault.toxic: 'latncy' is not one of latency, down, bandwidth, timeout, slow_close,"
                        + " reset_peer, slicer, limit_data (did you mean 'latency'?)",
                at + "29:7: method[0].fault: unknown key 'atributes' (did you mean 'attributes'?)",
                at + "30:18: method[0].fault.attributes.latency: '-400ms' is negative: a duration must not be negative",
                at + "31:9: method[0].fault.attributes: toxic latency has no attribute 'jiter' (did you mean 'jitter'?)",
                at + "31:16: method[0].fault.attributes.jitter: '5' has no unit: write e.g. 5ms or 5s",
                at + "34:54: method[1].fault.duration: must be longer than 0",
                at + "36:3: abort: expected a list, found a mapping");
        assertThat(err.toString()).doesNotContain("hunter2").doesNotContain("user:secret");
    }

    @Test
    void aMissingSecretIsAWarningUnlessSecretsAreRequired(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), ValidationRulesTest.BASE.replace("url: http://127.0.0.1:8080/",
                "url: http://127.0.0.1:8080/\n      headers: {Authorization: \"Bearer ${secret:GAMEDAY_TEST_NEVER_SET}\"}"));
        assumeTrue(System.getenv("GAMEDAY_TEST_NEVER_SET") == null);
        assertThat(run("validate", file.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(file + ": ok");
        assertThat(errLines()).containsExactly(file + ":11:32: warning: secret GAMEDAY_TEST_NEVER_SET is not set"
                + " (not needed to check the file; export GAMEDAY_TEST_NEVER_SET before running it)");

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("validate", "--require-secrets", file.toString())).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).containsExactly(file + ":11:32: secret GAMEDAY_TEST_NEVER_SET is not set:"
                + " export GAMEDAY_TEST_NEVER_SET in the environment");
    }

    @Test
    void theBundledExamplesValidateWithoutTheirSecrets() {
        assumeTrue(System.getenv("DEMO_TOKEN") == null, "DEMO_TOKEN is set in this environment");
        List<String> files = TestFiles.examples().stream().map(Path::toString).toList();
        assertThat(run(Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new))).isEqualTo(0);
        assertThat(out.toString().lines()).hasSize(files.size()).allSatisfy(l -> assertThat(l).endsWith(": ok"));
        assertThat(errLines()).allSatisfy(l -> assertThat(l).contains(": warning: secret DEMO_TOKEN is not set"));
    }

    @Test
    void validateRunsNothing(@TempDir Path dir) throws IOException {
        Path probeRan = dir.resolve("probe-ran");
        Path rollbackRan = dir.resolve("rollback-ran");
        Path file = Files.writeString(dir.resolve("c.yaml"), commandExperiment(probeRan, rollbackRan));
        assertThat(run("validate", file.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(file + ": ok");
        assertThat(probeRan).doesNotExist();
        assertThat(rollbackRan).doesNotExist();
    }

    @Test
    void noCommandsRefusesEveryProgramTheExperimentWouldRun(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), commandExperiment(dir.resolve("p"), dir.resolve("r")));
        assertThat(run("validate", "--no-commands", file.toString())).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(errLines()).containsExactly(
                file + ":9:13: steadyState.probes[0].type: this experiment runs programs: probe 'marker' runs touch "
                        + dir.resolve("p") + "; refused by --no-commands",
                file + ":27:11: rollbacks[0].type: this experiment runs programs: rollback 'mark' runs touch "
                        + dir.resolve("r") + "; refused by --no-commands");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void userTextIsEscapedOnTheTerminal(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("ok\u001b[2J\u0007.yaml"), ValidationRulesTest.BASE);
        Path bad = Files.writeString(dir.resolve("bad.yaml"),
                ValidationRulesTest.BASE.replace("toxic: latency", "toxic: \"\\e]0;owned\\a\\e[2K\""));
        assertThat(run("validate", ok.toString(), bad.toString())).isEqualTo(3);
        assertThat(out.toString()).isEqualTo(dir + "/ok\\e[2J\\u0007.yaml: ok" + System.lineSeparator());
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("'\\e]0;owned\\u0007\\e[2K' is not one of latency");
        assertThat(err.toString() + out.toString()).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    /** A valid experiment whose probe and rollback are programs that leave a file behind. */
    private static String commandExperiment(Path probeMarker, Path rollbackMarker) {
        return ValidationRulesTest.BASE
                .replace("      type: http\n      url: http://127.0.0.1:8080/\n",
                        "      type: command\n      run: [touch, " + probeMarker + "]\n")
                .replace("- name: home", "- name: marker")
                .replace("probe: home", "probe: marker")
                .replace("tabletop:", "rollbacks:\n  - name: mark\n    type: command\n    run: [touch, " + rollbackMarker
                        + "]\ntabletop:");
    }
}
