package dev.gameday.run;

import dev.gameday.cli.ExitCode;
import java.util.Locale;

/** How a run ended, and the exit code that says so. */
public enum Verdict {
    HELD(ExitCode.OK),
    REFUTED(ExitCode.REFUTED),
    ABORTED(ExitCode.ABORTED),
    INCONCLUSIVE(ExitCode.INCONCLUSIVE),
    ERROR(ExitCode.RUNTIME_ERROR);

    private final ExitCode exitCode;

    Verdict(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The journal's spelling: {@code held}, {@code refuted}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
