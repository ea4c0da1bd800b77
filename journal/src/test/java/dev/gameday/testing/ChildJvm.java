package dev.gameday.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a short-lived child JVM that a test starts with its own class path: the client
 * compiler and the serial collector (C2's compiling never pays back in a JVM that lives seconds), and no
 * hsperfdata file (a test that limits file sizes would have the JVM map it under that limit).
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** {@code javaOptions}, this JVM's flags for children, the test's class path and {@code mainClass}. */
    public static List<String> launcher(List<String> javaOptions, String mainClass) {
        List<String> launcher = new ArrayList<>(javaOptions);
        launcher.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), mainClass));
        return launcher;
    }

    /** {@code java <launcher> ARGS}: the whole command line. */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(launcher(List.of(), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
