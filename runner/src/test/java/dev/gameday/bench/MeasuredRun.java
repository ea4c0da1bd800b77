package dev.gameday.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One child process measured: wall time (taken here, around GNU time, which adds about a
 * millisecond), its CPU time (user + sys) and its maximum resident set size (from GNU time, which
 * reads them from {@code wait4}).
 */
record MeasuredRun(double wallMs, double cpuMs, long maxRssKb, int exitCode) {
    private static final Path TIME = Path.of("/usr/bin/time");

    /** Runs {@code command} in {@code dir} with {@code env} added, output to {@code log}. */
    static MeasuredRun of(List<String> command, Path dir, Map<String, String> env, Path log) throws IOException {
        if (!Files.isExecutable(TIME)) {
            throw new IllegalStateException("needs GNU time at /usr/bin/time (apt-get install -y time)");
        }
        Path report = Files.createTempFile("gameday-bench-time", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-f", "%U %S %M", "-o", report.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            long t0 = System.nanoTime();
            Process child = builder.start();
            int status = child.waitFor();
            double wallMs = (System.nanoTime() - t0) / 1e6;
            // "Command exited with non-zero status N" may come first: the figures are on the last line.
            List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
            String[] f = lines.get(lines.size() - 1).trim().split(" ");
            return new MeasuredRun(wallMs, (Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1000,
                    Long.parseLong(f[2]), status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /**
     * The environment of a variant: {@code as-is} (none), {@code cds=off} ({@code GAMEDAY_CDS=off}),
     * or a value for {@code GAMEDAY_JAVA_OPTS} (flags after the launcher's).
     */
    static Map<String, String> variant(String variant) {
        return switch (variant) {
            case "as-is" -> Map.of();
            case "cds=off" -> Map.of("GAMEDAY_CDS", "off");
            default -> Map.of("GAMEDAY_JAVA_OPTS", variant);
        };
    }

    /** The variants {@code args} name from index {@code from} on; by default the launcher as it is. */
    static List<String> variants(String[] args, int from) {
        return args.length > from ? List.of(args).subList(from, args.length) : List.of("as-is");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** The 1-minute load average, from /proc/loadavg. */
    static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /**
     * The checkout whose launcher is measured: {@code -Dgameday.repo=DIR} (to compare another build in
     * the same sitting), else the working directory or its parent (exec:java runs in runner/).
     */
    static Path repository() {
        String other = System.getProperty("gameday.repo");
        if (other != null) {
            return Path.of(other).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("runner/bin/gameday")) ? here : here.getParent();
    }
}
