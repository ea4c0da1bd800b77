package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line builds only what its arguments need, and answers as if it had built everything. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class GamedayTest {
    private static final Path EXAMPLE = Path.of("../experiments/storefront-survives-slow-inventory.yaml");

    /** Usage, version, help of a command, mistakes: what never runs a command needs every one outlined. */
    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "-hV", "help", "--verbose", "--version", "help report",
        "--verbose help run", "report --help", "help nosuch", "vaildate x.yaml", "--bogus", "validate", "-- validate"})
    void answersAsTheFullyBuiltCommandLineDoes(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine full = Gameday.commandLine();
        full.setOut(new PrintWriter(out, true));
        full.setErr(new PrintWriter(err, true));
        int code = full.execute(args);

        Output built = run(args);

        assertThat(built).isEqualTo(new Output(code, out.toString(), err.toString()));
        assertThat(built.out + built.err).isNotBlank();
    }

    @Test
    void theUsageHelpListsEveryCommand() {
        String usage = run("--help").out;
        for (String name : List.of("validate", "premortem", "run", "report", "replay", "recover", "proxy", "demo", "help")) {
            assertThat(usage).containsPattern("(?m)^  " + name + " +[A-Z]");
        }
    }

    @Test
    void anArgumentFileMayNameTheCommand(@TempDir Path dir) throws IOException {
        Path args = Files.writeString(dir.resolve("args"), "--version\n");

        Output o = run("@" + args);

        assertThat(o.code).isZero();
        assertThat(o.out).startsWith("gameday ");
    }

    /**
     * What the builds are for: a short command's JVM does not load the engine's network stack, nor make
     * an ObjectMapper (the probe types keep theirs for sampling).
     */
    @Test
    void validateLoadsNeitherVertxNorNetty() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), Gameday.class.getName(),
                "validate", EXAMPLE.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEMO_TOKEN", "not-a-real-token");
        Process jvm = builder.start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(jvm.exitValue()).as(output).isZero();
        assertThat(output).contains(EXAMPLE + ": ok", "dev.gameday.experiment.load.ExperimentLoader")
                .doesNotContain("io.vertx.", "io.netty.", "dev.gameday.run.", "com.fasterxml.jackson.databind.ObjectMapper ");
    }

    private static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Gameday.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Output(code, out.toString(), err.toString());
    }

    private record Output(int code, String out, String err) {}
}
