package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.run.ChildProcesses;
import dev.gameday.run.RunTestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's exit-code table is complete and true: it lists every {@link ExitCode}, and the servers
 * ({@code proxy}, {@code demo --serve}) exit 0 when Ctrl-C or SIGTERM stops them, as documented — in a
 * child JVM, sent the real signal. (A run stopped by SIGTERM exits 143: RunSignalsTest.)
 */
class ExitCodesTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    Process child;

    @Test
    void theReadmeTableListsEveryExitCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Exit codes"), readme.indexOf("\n## ", readme.indexOf("## Exit codes") + 1));
        List<Integer> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| ([0-9]+(?: / [0-9]+)?) \\|").matcher(table);
        while (row.find()) {
            Arrays.stream(row.group(1).split(" / ")).map(Integer::parseInt).forEach(documented::add);
        }
        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(ExitCode.values()).map(ExitCode::code).toList());
    }

    @Test
    void theProxyStoppedBySigtermExitsZero() throws Exception {
        child = children.add(gameday("proxy", "--port", "0"));
        awaitOutput("Toxiproxy API on");

        child.destroy();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void theProxyStoppedByCtrlCExitsZero() throws Exception {
        child = children.add(gameday("proxy", "--port", "0"));
        awaitOutput("Toxiproxy API on");

        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void theDemoServerStoppedBySigtermExitsZero() throws Exception {
        child = children.add(gameday("demo", "--serve", "--storefront-port", "0", "--inventory-port", "0"));
        awaitOutput("Ctrl-C to stop.");

        child.destroy();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    private Process gameday(String... args) throws Exception {
        return new ProcessBuilder(RunTestBed.gameday(args)).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
    }

    private void awaitOutput(String text) {
        RunTestBed.awaitWhileRunning(child, tmp, Duration.ofSeconds(30),
                () -> Files.readString(tmp.resolve("child.out")).contains(text));
    }
}
