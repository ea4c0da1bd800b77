package dev.gameday.cli;

/** The exit codes of every command, as documented in the README. */
public enum ExitCode {
    /** The hypothesis held, or the command succeeded. */
    OK(0),
    /** The hypothesis was refuted: a tolerance was not met. */
    REFUTED(1),
    /** An abort condition stopped the run. */
    ABORTED(2),
    /** Invalid input or configuration: nothing was injected. */
    INVALID_INPUT(3),
    /** Runtime error: target, proxy or Toxiproxy server unusable. */
    RUNTIME_ERROR(4),
    /** The steady state did not hold before any fault: no fault was injected, nothing was learnt. */
    INCONCLUSIVE(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
