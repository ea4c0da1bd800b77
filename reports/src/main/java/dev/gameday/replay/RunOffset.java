package dev.gameday.replay;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time measured from the start of a run: parsed from {@code --from}/{@code --to} ({@code 30s},
 * {@code 1m30s}, {@code 500ms}, {@code 1h}, {@code 1.5s}, or a bare number of seconds) and shown as
 * {@code T+01:30.0}.
 */
public final class RunOffset {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private RunOffset() {}

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(s).matches()) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        }
        Matcher m = PART.matcher(s);
        double millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double value = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> value * 3_600_000;
                case "m" -> value * 60_000;
                case "s" -> value * 1000;
                default -> value;
            };
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a time from the run start: use e.g. 30s, 1m30s, 500ms");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code T+mm:ss.d}, with hours when the run is that long. */
    public static String format(long millis) {
        long tenths = Math.max(0, millis) / 100;
        long h = tenths / 36_000;
        long m = tenths / 600 % 60;
        long s = tenths / 10 % 60;
        long d = tenths % 10;
        return h > 0
                ? String.format(Locale.ROOT, "T+%d:%02d:%02d.%d", h, m, s, d)
                : String.format(Locale.ROOT, "T+%02d:%02d.%d", m, s, d);
    }
}
