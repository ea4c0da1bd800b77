package dev.gameday.hypothesis.spi;

/** What one probe attempt found: success, the HTTP status or exit code (null if none), and why it failed. */
public record Outcome(boolean ok, Integer status, String error) {
    public static Outcome ok(Integer status) {
        return new Outcome(true, status, null);
    }

    public static Outcome failed(Integer status, String error) {
        return new Outcome(false, status, error);
    }
}
