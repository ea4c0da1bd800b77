package dev.gameday.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code gameday run} was asked to do. {@code outDir} is the parent of the run folders
 * ({@code runs} by default); {@code env} is where {@code ${env:…}} and {@code ${secret:…}} come from;
 * {@code listener} watches the run as it goes (the command line's progress; by default events are
 * printed to {@code out} as lines);
 * {@code replaceProxies} recreates a proxy that exists on the server with another address (and puts
 * the original back at the end) instead of refusing to run; {@code refuseCommands} refuses an
 * experiment that would run programs ({@code command} probes or rollbacks), for files from untrusted
 * sources. Start from {@link #of} and change what differs.
 */
public record RunOptions(
        Path experimentFile,
        Map<String, String> vars,
        Map<String, String> env,
        boolean dryRun,
        Path outDir,
        RunListener listener,
        boolean replaceProxies,
        boolean refuseCommands,
        PrintStream out) {

    public RunOptions {
        vars = Map.copyOf(vars);
        env = Map.copyOf(env);
    }

    /** A real run with plain progress lines, existing proxies reused only when they match, programs allowed. */
    public static RunOptions of(Path experimentFile, Map<String, String> vars, Map<String, String> env, Path outDir,
            PrintStream out) {
        return new RunOptions(experimentFile, vars, env, false, outDir, RunListener.printing(out), false, false, out);
    }

    public RunOptions dryRun(boolean dry) {
        return new RunOptions(experimentFile, vars, env, dry, outDir, listener, replaceProxies, refuseCommands, out);
    }

    public RunOptions listener(RunListener watching) {
        return new RunOptions(experimentFile, vars, env, dryRun, outDir, watching, replaceProxies, refuseCommands, out);
    }

    public RunOptions replaceProxies(boolean replace) {
        return new RunOptions(experimentFile, vars, env, dryRun, outDir, listener, replace, refuseCommands, out);
    }

    public RunOptions refuseCommands(boolean refuse) {
        return new RunOptions(experimentFile, vars, env, dryRun, outDir, listener, replaceProxies, refuse, out);
    }
}
