package dev.gameday.replay;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a replay runs: {@code factor} times real time ({@code 10x}; {@code realtime} is {@code 1x}),
 * or {@code step}: moment by moment, on the facilitator's key press.
 */
public record Speed(double factor, boolean step) {
    private static final Pattern TIMES = Pattern.compile("(\\d+(?:\\.\\d+)?)x");

    public static final Speed STEP = new Speed(0, true);

    public Speed {
        if (!step && !(factor > 0)) {
            throw new IllegalArgumentException("a replay speed must be faster than 0x");
        }
    }

    public static Speed times(double factor) {
        return new Speed(factor, false);
    }

    public static Speed parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("step")) {
            return STEP;
        }
        if (s.equals("realtime")) {
            return times(1);
        }
        Matcher m = TIMES.matcher(s);
        if (m.matches() && Double.parseDouble(m.group(1)) > 0) {
            return times(Double.parseDouble(m.group(1)));
        }
        throw new IllegalArgumentException("--speed '" + text + "': use Nx (1x, 10x, 60x), realtime or step");
    }

    @Override
    public String toString() {
        if (step) {
            return "step";
        }
        return factor == Math.rint(factor) ? (long) factor + "x" : factor + "x";
    }
}
