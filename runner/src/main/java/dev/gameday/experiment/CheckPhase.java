package dev.gameday.experiment;

import java.util.Locale;

/** When a probe's tolerance counts towards the verdict. {@code CONTINUOUSLY} means every phase. */
public enum CheckPhase {
    BEFORE, DURING, AFTER, CONTINUOUSLY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
