package dev.gameday.hypothesis;

/**
 * One probe sample as the journal records it. {@code scheduledAt} is the epoch millisecond of the
 * fixed-rate slot the sample belongs to (not when it completed); {@code latencyMs} is measured from the
 * actual send and is the timeout when the sample timed out; {@code status} is the HTTP status or exit
 * code (null when there is none); {@code error} is a short, redacted text (null when ok); {@code value} is
 * the number it measured (null for probe types that measure none, and when there was nothing to measure).
 */
public record Sample(String probe, long scheduledAt, boolean ok, double latencyMs, Integer status, String error,
        Double value) {

    /** The target answered, whatever the probe's own verdict: pre-flight asks no more of it. */
    public boolean answered() {
        return ok || status != null;
    }
}
