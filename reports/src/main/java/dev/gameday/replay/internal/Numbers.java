package dev.gameday.replay.internal;

import java.util.Locale;

/** Numbers as the replay shows them: ratios as percentages, latencies and durations in readable units. */
public final class Numbers {
    private Numbers() {}

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    public static String millis(double ms) {
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
