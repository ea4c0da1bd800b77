package dev.gameday.plan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run a plan: {@code env} for the experiments' {@code ${env:…}}/{@code ${secret:…}}, the parent
 * folder of plan folders ({@code runs} by default), where progress lines go, whether experiments that
 * run programs are refused, and who hears about it as it goes.
 */
public record PlanRunOptions(Map<String, String> env, Path outDir, PrintStream out, boolean refuseCommands,
        PlanListener listener) {
    public PlanRunOptions {
        env = Map.copyOf(env);
    }

    public static PlanRunOptions of(Map<String, String> env, Path outDir, PrintStream out) {
        return new PlanRunOptions(env, outDir, out, false, PlanListener.NONE);
    }

    public PlanRunOptions refuseCommands(boolean refuse) {
        return new PlanRunOptions(env, outDir, out, refuse, listener);
    }

    public PlanRunOptions listener(PlanListener watching) {
        return new PlanRunOptions(env, outDir, out, refuseCommands, watching);
    }
}
