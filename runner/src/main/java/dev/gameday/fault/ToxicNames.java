package dev.gameday.fault;

/**
 * Names of the toxics a run adds: {@code gd-<first 8 characters of the run id>-<step>}. The prefix
 * lets crash recovery find a toxic whose injection the journal never recorded.
 */
public final class ToxicNames {
    private ToxicNames() {}

    public static String prefix(String runId) {
        return "gd-" + runId.substring(0, Math.min(8, runId.length())) + "-";
    }

    /** A name safe in Toxiproxy's URL paths. */
    public static String of(String runId, String step) {
        return prefix(runId) + step.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
