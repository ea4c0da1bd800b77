package dev.gameday.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code gameday run} was asked to do. {@code outDir} is the parent of the run folders
 * ({@code runs} by default); {@code env} is where {@code ${env:…}} and {@code ${secret:…}} come from;
 * {@code live} redraws a status line in place (a terminal), otherwise progress is plain lines;
 * {@code replaceProxies} recreates a proxy that exists on the server with another address (and puts
 * the original back at the end) instead of refusing to run.
 */
public record RunOptions(
        Path experimentFile,
        Map<String, String> vars,
        Map<String, String> env,
        boolean dryRun,
        Path outDir,
        boolean live,
        boolean replaceProxies,
        PrintStream out) {

    public RunOptions {
        vars = Map.copyOf(vars);
        env = Map.copyOf(env);
    }
}
