package dev.gameday.bench;

import dev.gameday.cli.internal.LocalHttpTarget;
import dev.gameday.cli.internal.ProbeThroughProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Start-up of the {@code gameday} CLI (issue 12): wall time and maximum RSS of {@code java -version}
 * and of the launcher running {@code --help}, {@code validate} of an example and {@code report} of a
 * small run (one probe at 10/s for 5 s, made once with {@code gameday run} against a local target),
 * each a fresh subprocess. {@code rounds} rounds of {@code n} runs each, the commands interleaved so
 * that a change of load hits them alike; one unmeasured run of each first (page cache, and the
 * launcher's archive if it is stale). Prints a Markdown table: the median of each round, the median
 * and minimum of all runs, the median CPU time, the maximum RSS.
 *
 * <p>Extra arguments are variants to compare, each a value for {@code GAMEDAY_JAVA_OPTS} (JVM flags
 * after the launcher's), or {@code cds=off} (sets {@code GAMEDAY_CDS=off}), or {@code as-is} (the
 * launcher as it is, the default).
 *
 * <pre>
 * mvn -q -B -DskipTests package
 * mvn -q -B -o -pl runner -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.gameday.bench.StartupBench -Dexec.args="10 3"
 * </pre>
 */
public final class StartupBench {
    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path repo = MeasuredRun.repository();
        String launcher = repo.resolve("runner/bin/gameday").toString();
        Path work = Files.createTempDirectory("gameday-startup-bench");
        Path log = work.resolve("bench.log");
        Path run = smallRun(launcher, repo, work, log);

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -version", List.of("java", "-version"));
        commands.put("gameday --help", List.of(launcher, "--help"));
        commands.put("gameday validate experiments/storefront-survives-slow-inventory.yaml",
                List.of(launcher, "validate", "experiments/storefront-survives-slow-inventory.yaml"));
        commands.put("gameday report RUN (journal of " + Files.size(run.resolve("journal.jsonl")) / 1024 + " KB)",
                List.of(launcher, "report", run.toString()));

        System.out.println("StartupBench " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", " + n + " runs x "
                + rounds + " rounds, " + Runtime.getRuntime().availableProcessors() + " CPUs, log " + log);
        for (String variant : MeasuredRun.variants(args, 2)) {
            Map<String, String> env = env(variant);
            for (List<String> command : commands.values()) {
                MeasuredRun.of(command, repo, env, log); // warm-up
            }
            Map<String, List<List<MeasuredRun>>> results = new LinkedHashMap<>();
            commands.keySet().forEach(k -> results.put(k, new ArrayList<>()));
            List<String> loads = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String before = MeasuredRun.load();
                results.values().forEach(r -> r.add(new ArrayList<>()));
                for (int i = 0; i < n; i++) {
                    for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                        MeasuredRun m = MeasuredRun.of(c.getValue(), repo, env, log);
                        if (m.exitCode() != 0) {
                            throw new IllegalStateException(c.getKey() + " exited " + m.exitCode() + "; see " + log);
                        }
                        results.get(c.getKey()).get(round).add(m);
                    }
                }
                loads.add(before + " → " + MeasuredRun.load());
            }
            print(variant, results, loads);
        }
    }

    private static Map<String, String> env(String variant) {
        Map<String, String> env = new LinkedHashMap<>(MeasuredRun.variant(variant));
        env.put("DEMO_TOKEN", "not-a-real-token"); // the example reads ${secret:DEMO_TOKEN}
        return env;
    }

    private static void print(String variant, Map<String, List<List<MeasuredRun>>> results, List<String> loads) {
        System.out.println();
        System.out.println("Variant: " + (variant.equals("as-is") ? "the launcher as it is" : variant)
                + "; load average per round: " + String.join(", ", loads));
        System.out.println();
        StringBuilder head = new StringBuilder("| command |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int r = 1; r <= loads.size(); r++) {
            head.append(" round ").append(r).append(" median |");
            rule.append("---:|");
        }
        System.out.println(head + " all: median | min | CPU median | max RSS |");
        System.out.println(rule + "---:|---:|---:|---:|");
        for (Map.Entry<String, List<List<MeasuredRun>>> e : results.entrySet()) {
            StringBuilder row = new StringBuilder("| `" + e.getKey() + "` |");
            List<MeasuredRun> all = new ArrayList<>();
            for (List<MeasuredRun> round : e.getValue()) {
                row.append(" ").append(ms(MeasuredRun.median(round.stream().map(MeasuredRun::wallMs).toList()))).append(" |");
                all.addAll(round);
            }
            row.append(" **").append(ms(MeasuredRun.median(all.stream().map(MeasuredRun::wallMs).toList()))).append("** |")
                    .append(" ").append(ms(all.stream().mapToDouble(MeasuredRun::wallMs).min().orElseThrow())).append(" |")
                    .append(" ").append(ms(MeasuredRun.median(all.stream().map(MeasuredRun::cpuMs).toList()))).append(" |")
                    .append(String.format(Locale.ROOT, " %.1f MB |",
                            all.stream().mapToLong(MeasuredRun::maxRssKb).max().orElseThrow() / 1024.0));
            System.out.println(row);
        }
    }

    /** A run folder to report on: {@code gameday run} of a 5 s experiment against a local target. */
    private static Path smallRun(String launcher, Path repo, Path work, Path log) throws IOException {
        ProbeThroughProxy small = new ProbeThroughProxy(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1));
        Path experiment = work.resolve("small.yaml");
        Path runs = work.resolve("runs");
        try (LocalHttpTarget target = LocalHttpTarget.start()) {
            Files.writeString(experiment, small.yaml(target.port()));
            MeasuredRun m = MeasuredRun.of(List.of(launcher, "run", experiment.toString(), "--out", runs.toString(),
                    "--no-progress"), repo, Map.of(), log);
            if (m.exitCode() != 0) {
                throw new IllegalStateException("the small run exited " + m.exitCode() + "; see " + log);
            }
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
