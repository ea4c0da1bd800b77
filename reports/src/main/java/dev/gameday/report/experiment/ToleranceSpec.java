package dev.gameday.report.experiment;

import dev.gameday.judge.Units;
import java.util.Locale;

/**
 * One bound of a probe's tolerance, read from the experiment copy: the success ratio
 * ({@code key = "successRatio"}, bound a fraction) or a latency percentile ({@code key = "p95"}, bound
 * in milliseconds). {@code key} is the name the journal's {@code tolerance} events use.
 */
public record ToleranceSpec(String probe, String key, String op, double bound, double percentile, long windowMs) {
    public static final String SUCCESS_RATIO = "successRatio";

    public boolean isRatio() {
        return SUCCESS_RATIO.equals(key);
    }

    /** {@code >= 99%} or {@code <= 800 ms}. */
    public String expected() {
        return op + " " + format(bound);
    }

    public String label() {
        return isRatio() ? "success ratio" : key;
    }

    public String format(double value) {
        return isRatio() ? Units.percent(value) : Units.latency(value);
    }

    public boolean holds(double observed) {
        if (Double.isNaN(observed)) {
            return false;
        }
        return switch (op) {
            case ">=" -> observed >= bound;
            case ">" -> observed > bound;
            case "<=" -> observed <= bound;
            case "<" -> observed < bound;
            default -> throw new IllegalArgumentException("unknown comparison '" + op + "' in tolerance " + key);
        };
    }

    /** {@code p95}, {@code p99.9}: the percentile's name in journals and expressions. */
    public static String percentileKey(double percentile) {
        return "p" + Units.trim(percentile, 3).toLowerCase(Locale.ROOT);
    }
}
