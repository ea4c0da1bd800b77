package dev.gameday.hypothesis.spi;

/**
 * What one probe attempt found: success, the HTTP status or exit code (null if none), why it failed,
 * and the number it measured (null for probe types that measure none, and when there was nothing to
 * measure).
 */
public record Outcome(boolean ok, Integer status, String error, Double value) {
    public static Outcome ok(Integer status) {
        return new Outcome(true, status, null, null);
    }

    public static Outcome failed(Integer status, String error) {
        return new Outcome(false, status, error, null);
    }

    /** An answer that measured {@code value} (null: it answered, with nothing to measure). */
    public static Outcome measured(Integer status, Double value) {
        return new Outcome(true, status, null, value);
    }
}
