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
    /** The run did not test the hypothesis (see docs/run.md). */
    INCONCLUSIVE(5),
    /**
     * Stopped by Ctrl-C (SIGINT): no command returns it, the JVM exits with it after its shutdown hooks
     * (a run's removes every fault first). {@code proxy} and {@code demo --serve} exit 0 instead.
     */
    INTERRUPTED(130),
    /** Stopped by SIGTERM, as {@link #INTERRUPTED} for SIGINT. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
