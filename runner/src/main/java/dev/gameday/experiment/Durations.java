package dev.gameday.experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human durations as written in experiment files: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 30d}, {@code 500us}, decimals ({@code 1.5s}) and sums ({@code 1m30s}).
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(us|µs|ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:" + PART.pattern() + ")+");

    private Durations() {}

    /** Parses a duration; throws {@link IllegalArgumentException} saying what is wrong and how to write it. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, e.g. 250ms, 30s, 5m");
        }
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("'" + s + "' is negative: a duration must not be negative");
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("'" + s + "' has no unit: write e.g. " + s + "ms or " + s + "s");
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a duration: write a number and a unit"
                    + " (us, ms, s, m, h, d), e.g. 250ms, 30s, 5m, 1m30s");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
        }
        try {
            return Duration.ofNanos(nanos.toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + s + "' is too long a duration");
        }
    }

    /** Formats a duration the way a human writes it: {@code 400ms}, {@code 2s}, {@code 1m30s}, {@code 30d}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long nanos = d.toNanos();
        for (String unit : new String[] {"d", "h", "m", "s", "ms", "us"}) {
            long per = unitNanos(unit);
            if (nanos >= per) {
                out.append(nanos / per).append(unit);
                nanos %= per;
            }
        }
        return out.isEmpty() ? d.toNanos() + "ns" : out.toString();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalStateException(unit);
        };
    }
}
