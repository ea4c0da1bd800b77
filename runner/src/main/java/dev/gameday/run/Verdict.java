package dev.gameday.run;

import java.util.Locale;

/** How a run ended. The command line maps it to an exit code ({@code cli.ExitCode}). */
public enum Verdict {
    HELD, REFUTED, ABORTED, INCONCLUSIVE, ERROR;

    /** The journal's spelling: {@code held}, {@code refuted}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict a journal spells {@code key}; {@link #ERROR} for anything else. */
    public static Verdict ofKey(String key) {
        for (Verdict v : values()) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        return ERROR;
    }
}
