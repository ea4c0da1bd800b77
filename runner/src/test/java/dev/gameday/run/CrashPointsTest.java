package dev.gameday.run;

import static dev.gameday.run.RunTestBed.RATIO_LENIENT;
import static dev.gameday.run.RunTestBed.experiment;
import static dev.gameday.run.RunTestBed.journal;
import static dev.gameday.run.RunTestBed.latencyStep;
import static dev.gameday.run.RunTestBed.outageStep;
import static dev.gameday.run.RunTestBed.runDir;
import static dev.gameday.run.RunTestBed.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.cli.Gameday;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalFile;
import dev.gameday.testing.Ports;
import eu.rekawek.toxiproxy.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} at every point of a run's changes on Toxiproxy, then {@code gameday recover}: the
 * server is as it was before the run, every time. The child {@code gameday run} halts the JVM
 * ({@link Runtime#halt}: no shutdown hook, no flush — what {@code kill -9} does) right before or right
 * after a named journal event ({@link Journal#HALT_PROPERTY}), so each point is hit exactly, against
 * the Toxiproxy-compatible server of the test (the embedded one would die with the child).
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
@Execution(ExecutionMode.CONCURRENT) // each test has its own bed, so they run side by side
@Order(6) // a long pole of the suite: started among the first, so the others fill in beside it
class CrashPointsTest extends AgainstTheDemoSystem {
    /** Halted JVMs exit with 137, as a process killed by SIGKILL does in a shell. */
    private static final int HALTED = 137;

    @RegisterExtension
    final ChildProcesses children = new ChildProcesses();

    Process child;

    static Stream<Arguments> points() {
        return Stream.of(
                // A toxic: the lease, the proxy's creation, the injection, the removal — each side of each call.
                Arguments.of("latency", "after:lease.taking"),
                Arguments.of("latency", "after:proxy.creating"),
                Arguments.of("latency", "before:proxy.created"),
                Arguments.of("latency", "after:fault.injecting"),
                Arguments.of("latency", "before:fault.injected"),
                Arguments.of("latency", "before:fault.removed"),
                // An outage has no toxic name to find: only its intent says the proxy was enabled.
                Arguments.of("outage", "after:fault.injecting"),
                Arguments.of("outage", "before:fault.injected"),
                Arguments.of("outage", "before:fault.removed"),
                // --replace-proxies: the original must come back whatever point the crash hit.
                Arguments.of("replace", "after:proxy.creating"),
                Arguments.of("replace", "before:proxy.replaced"),
                Arguments.of("replace", "before:proxy.created"));
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("points")
    void afterAKillAtAnyPointRecoverLeavesTheServerAsItWas(String kind, String point) throws Exception {
        boolean replace = kind.equals("replace");
        // --replace-proxies finds a proxy of the experiment's name wired elsewhere, and must put it back.
        String original = !replace ? null : bed.api().createProxy("inventory", "127.0.0.1:" + Ports.free(),
                "127.0.0.1:" + bed.demo.inventoryPort()).getListen();
        List<String> extra = replace ? List.of("--replace-proxies") : List.of();
        String step = kind.equals("outage") ? outageStep("outage", "500ms") : latencyStep("slow", "100ms", "500ms");
        Path file = write(tmp, quick(experiment("resilient", RATIO_LENIENT, step, "")));
        Path out = out();

        child = children.add(bed.startGameday(RunTestBed.launcher("-D" + Journal.HALT_PROPERTY + "=" + point),
                file, out, tmp, extra));

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child reaches " + point).isTrue();
        assertThat(child.exitValue()).as("halted at " + point + ": " + Files.readString(tmp.resolve("child.err")))
                .isEqualTo(HALTED);

        assertThat(Gameday.execute("recover", out.toString())).isZero();

        List<Proxy> left = bed.api().getProxies();
        if (original == null) {
            assertThat(left).as("nothing of the run is left").isEmpty();
        } else {
            assertThat(left).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("inventory");
                assertThat(p.getListen()).as("the original is back").isEqualTo(original);
                assertThat(p.isEnabled()).isTrue();
                assertThat(p.toxics().getAll()).isEmpty();
            });
        }
        JournalFile j = journal(runDir(out));
        assertThat(j.events().get(j.events().size() - 1).path("type").asText()).isEqualTo("run.interrupted");
        assertThat(Gameday.execute("recover", out.toString())).as("nothing left the second time").isZero();
        assertThat(journal(runDir(out)).events()).hasSameSizeAs(j.events());
    }

    /** The test bed's experiment with a steady state of 300 ms before: the kill points come sooner. */
    private static String quick(String yaml) {
        return yaml.replace("before: 1s", "before: 300ms").replace("window: 1s", "window: 300ms");
    }
}
