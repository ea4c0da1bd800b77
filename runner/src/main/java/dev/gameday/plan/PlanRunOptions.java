package dev.gameday.plan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run a plan: {@code env} for the experiments' {@code ${env:…}}/{@code ${secret:…}}, the parent
 * folder of plan folders ({@code runs} by default), where progress lines go, whether experiments that
 * run programs are refused, who hears about it as it goes, and when the plan's window ends
 * ({@code deadline}, null for none: an entry not started by then is not run).
 */
public record PlanRunOptions(Map<String, String> env, Path outDir, PrintStream out, boolean refuseCommands,
        PlanListener listener, java.time.Instant deadline) {
    public PlanRunOptions {
        env = Map.copyOf(env);
    }

    public static PlanRunOptions of(Map<String, String> env, Path outDir, PrintStream out) {
        return new PlanRunOptions(env, outDir, out, false, PlanListener.NONE, null);
    }

    public PlanRunOptions refuseCommands(boolean refuse) {
        return new PlanRunOptions(env, outDir, out, refuse, listener, deadline);
    }

    public PlanRunOptions listener(PlanListener watching) {
        return new PlanRunOptions(env, outDir, out, refuseCommands, watching, deadline);
    }

    public PlanRunOptions deadline(java.time.Instant windowEnd) {
        return new PlanRunOptions(env, outDir, out, refuseCommands, listener, windowEnd);
    }
}
