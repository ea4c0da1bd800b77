package dev.gameday.bench;

import dev.gameday.cli.internal.LocalHttpTarget;
import dev.gameday.cli.internal.ProbeThroughProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run scenario of issue 12: {@code gameday run} (a subprocess, through the launcher, embedded
 * proxy) of one HTTP probe at 10/s through one proxy to a local target (a JDK HTTP server in this
 * JVM), one latency toxic for 10 s, 1 s of steady state before and 1 s after. Reports per round the
 * child's CPU time (user + sys), its maximum RSS, its wall time and the fixed cost: wall time minus
 * the configured phases (12 s), split where the journal allows into the time before its first event
 * (JVM start, loading, pre-flight) and after its last (reports, exit), from the events' {@code t}
 * (epoch milliseconds). Goals: CPU ≤ 1 s, max RSS ≤ 80 MB, fixed cost ≤ 0.5 s.
 *
 * <p>Extra arguments are variants to compare, as for {@link StartupBench}: each a value for
 * {@code GAMEDAY_JAVA_OPTS}, or {@code cds=off}, or {@code as-is} (the default).
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * mvn -q -B -o -pl runner -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.gameday.bench.RunBench -Dexec.args="3"
 * </pre>
 */
public final class RunBench {
    private static final ProbeThroughProxy SCENARIO =
            new ProbeThroughProxy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1));

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path repo = MeasuredRun.repository();
        String launcher = repo.resolve("runner/bin/gameday").toString();
        Path work = Files.createTempDirectory("gameday-run-bench");
        Path log = work.resolve("bench.log");
        double phasesMs = SCENARIO.phases().toMillis();
        System.out.println("RunBench " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", " + rounds
                + " rounds, configured phases " + phasesMs / 1000 + " s, log " + log);
        System.out.println();
        System.out.println("| variant | round | exit | wall | fixed cost | of which before the first event / after the last"
                + " | CPU (user+sys) | max RSS | load before → after |");
        System.out.println("|---|---:|---:|---:|---:|---|---:|---:|---|");
        try (LocalHttpTarget target = LocalHttpTarget.start()) {
            for (String variant : MeasuredRun.variants(args, 1)) {
                Map<String, String> env = MeasuredRun.variant(variant);
                List<MeasuredRun> all = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Path experiment = work.resolve("run-" + round + ".yaml");
                    Files.writeString(experiment, SCENARIO.yaml(target.port()));
                    String before = MeasuredRun.load();
                    Path runs = work.resolve("runs-" + variant.hashCode() + "-" + round);
                    long started = System.currentTimeMillis();
                    MeasuredRun m = MeasuredRun.of(List.of(launcher, "run", experiment.toString(),
                            "--out", runs.toString(), "--no-progress"), repo, env, log);
                    long ended = System.currentTimeMillis();
                    all.add(m);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f s | %.2f s | %s | %.2f s | %.1f MB | %s → %s |%n",
                            "`" + variant + "`", round, m.exitCode(), m.wallMs() / 1000,
                            (m.wallMs() - phasesMs) / 1000, split(runs, started, ended), m.cpuMs() / 1000,
                            m.maxRssKb() / 1024.0, before, MeasuredRun.load());
                }
                System.out.printf(Locale.ROOT, "| %s | median | | %.2f s | %.2f s | | %.2f s | %.1f MB (max) | |%n",
                        "`" + variant + "`",
                        MeasuredRun.median(all.stream().map(MeasuredRun::wallMs).toList()) / 1000,
                        (MeasuredRun.median(all.stream().map(MeasuredRun::wallMs).toList()) - phasesMs) / 1000,
                        MeasuredRun.median(all.stream().map(MeasuredRun::cpuMs).toList()) / 1000,
                        all.stream().mapToLong(MeasuredRun::maxRssKb).max().orElseThrow() / 1024.0);
            }
        }
    }

    /** "1.23 s / 0.45 s": from the child's start to the journal's first event, from its last to the child's exit. */
    private static String split(Path runs, long started, long ended) throws IOException {
        Path journal;
        try (Stream<Path> found = Files.walk(runs)) {
            journal = found.filter(p -> p.endsWith("journal.jsonl")).findFirst().orElse(null);
        }
        if (journal == null) {
            return "no journal";
        }
        List<String> lines = Files.readAllLines(journal);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        if (!first.path("t").isNumber() || !last.path("t").isNumber()) {
            return "no t in the journal";
        }
        return String.format(Locale.ROOT, "%.2f s / %.2f s", (first.get("t").asLong() - started) / 1000.0,
                (ended - last.get("t").asLong()) / 1000.0);
    }
}
