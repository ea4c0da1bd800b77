package dev.gameday.cli;

import dev.gameday.cli.internal.LocalHttpTarget;
import dev.gameday.cli.internal.ProbeThroughProxy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the launcher runs, in a JVM with {@code -XX:ArchiveClassesAtExit}, to make one of its two
 * class-data sharing archives: the commands whose classes that archive should hold.
 * <ul>
 *   <li>{@code long DIR}: a short {@code run} through the embedded proxy to a local target (the
 *       archive of the long-running commands: run, demo, proxy); its run folder goes to DIR/runs;
 *   <li>{@code short DIR}: usage help, version, {@code validate} and {@code premortem} of that
 *       experiment, {@code report} of that run (the archive of every other command).
 * </ul>
 * Two archives, because one holding Vert.x and Netty too would cost the short commands about 15 MB
 * of RSS: the JVM relocates the whole archive when it maps it. The output of the commands goes to
 * {@code DIR/training-KIND.log}. Exits 1 if a command failed with invalid input or a runtime error
 * (any verdict is fine), so that a broken training shows instead of a thin archive.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp gameday.jar
 * dev.gameday.cli.StartupTraining long|short DIR}
 */
public final class StartupTraining {
    private static final ProbeThroughProxy RUN =
            new ProbeThroughProxy(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300));

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        Path dir = Files.createDirectories(Path.of(args[1]));
        int failures;
        try (PrintStream log = new PrintStream(Files.newOutputStream(dir.resolve("training-" + kind + ".log")), true,
                StandardCharsets.UTF_8)) {
            // Commands print to System.out too, not only to picocli's writers.
            System.setOut(log);
            System.setErr(log);
            PrintWriter out = new PrintWriter(log, true);
            failures = switch (kind) {
                case "long" -> trainLong(dir, out);
                case "short" -> trainShort(dir, out);
                default -> throw new IllegalArgumentException("long or short, not " + kind);
            };
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int trainLong(Path dir, PrintWriter out) throws IOException {
        try (LocalHttpTarget target = LocalHttpTarget.start()) {
            Path experiment = dir.resolve("experiment.yaml");
            Files.writeString(experiment, RUN.yaml(target.port()));
            return command(out, "run", experiment.toString(), "--out", dir.resolve("runs").toString(), "--no-progress");
        }
    }

    private static int trainShort(Path dir, PrintWriter out) throws IOException {
        Path experiment = dir.resolve("experiment.yaml");
        int failures = command(out, "--help") + command(out, "--version")
                + command(out, "validate", experiment.toString())
                + command(out, "premortem", experiment.toString(), "--out", dir.resolve("premortem").toString());
        for (Path run : runFolders(dir.resolve("runs"))) {
            failures += command(out, "report", run.toString());
        }
        return failures;
    }

    /** Runs one command; 1 if it exited with invalid input (3) or a runtime error (4), else 0. */
    private static int command(PrintWriter out, String... args) {
        out.println("$ gameday " + String.join(" ", args));
        int code = Gameday.execute(out, out, args);
        out.println("exit " + code);
        return code == 3 || code == 4 ? 1 : 0;
    }

    private static List<Path> runFolders(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.filter(p -> Files.exists(p.resolve("journal.jsonl"))).toList();
        }
    }
}
