package dev.gameday.journal;

/**
 * How a fault step was noticed: the first failing sample (failed, or slower than its probe's tightest
 * latency limit) sent while the fault was in place. {@code sentAfterMs}: from the injection to when that
 * sample was due; {@code knownAfterMs}: to when its answer (or timeout) came back, the earliest the engine
 * could know. All null when nothing noticed it.
 */
public record Detection(String step, String probe, Long sentAfterMs, Long knownAfterMs) {
    public static Detection never(String step) {
        return new Detection(step, null, null, null);
    }

    public boolean detected() {
        return knownAfterMs != null;
    }
}
