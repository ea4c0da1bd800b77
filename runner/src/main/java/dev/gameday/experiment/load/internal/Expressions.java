package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Suggestions;
import dev.gameday.judge.Comparison;
import dev.gameday.experiment.Durations;
import dev.gameday.experiment.LatencyBound;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.ValueBound;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small expressions of the format: percentages ({@code 99.9%}), tolerance bounds
 * ({@code ">= 99%"}, {@code p95: "<= 800ms"}, {@code value: "<= 0.01"}) and abort conditions
 * ({@code "p95 > 2s"}, {@code "value > 0.05"}).
 * Each parser throws {@link IllegalArgumentException} with a message fit for the user.
 */
public final class Expressions {
    private static final Pattern BOUND = Pattern.compile("\\s*(>=|<=|>|<)?\\s*(.*?)\\s*", Pattern.DOTALL);
    private static final Pattern CONDITION = Pattern.compile("\\s*([A-Za-z][\\w.]*)\\s*(>=|<=|>|<)\\s*(.+?)\\s*", Pattern.DOTALL);
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(?:\\.\\d{1,6})?)");

    private Expressions() {}

    /** {@code "99.9%"} is 0.999; between 0% and 100%. */
    public static double percentage(String text) {
        return percentage(text, "99.9%");
    }

    /** Like {@link #percentage(String)}; a text that is no percentage is told to write like {@code example}. */
    private static double percentage(String text, String example) {
        String s = text.strip();
        BigDecimal value = null;
        if (s.endsWith("%")) {
            try {
                value = new BigDecimal(s.substring(0, s.length() - 1).strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("'" + s + "' is not a percentage: write e.g. " + example);
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("'" + s + "' is not between 0% and 100%");
        }
        return value.movePointLeft(2).doubleValue();
    }

    /** {@code ">= 99%"} (the comparison defaults to {@code >=}). */
    public static RatioBound ratioBound(String text) {
        Matcher m = BOUND.matcher(text);
        m.matches();
        Comparison op = m.group(1) == null ? Comparison.GE : Comparison.ofSymbol(m.group(1));
        return new RatioBound(op, percentage(m.group(2), "\">= 99%\""));
    }

    /** {@code p95} with {@code "<= 800ms"} (the comparison defaults to {@code <=}). */
    public static LatencyBound latencyBound(String percentile, String text) {
        Matcher m = BOUND.matcher(text);
        m.matches();
        Comparison op = m.group(1) == null ? Comparison.LE : Comparison.ofSymbol(m.group(1));
        Duration limit = Durations.parse(m.group(2));
        if (limit.isZero()) {
            throw new IllegalArgumentException("a latency bound of 0 can never hold");
        }
        return new LatencyBound(percentile(percentile), op, limit);
    }

    /**
     * {@code "<= 0.01"}: a comparison (there is no default: a value may be bad high or low) and a plain
     * number in the query's own unit; {@code "<= 1%"} is 0.01.
     */
    public static ValueBound valueBound(String text) {
        Matcher m = BOUND.matcher(text);
        m.matches();
        if (m.group(1) == null) {
            throw new IllegalArgumentException("'" + text.strip() + "' has no comparison: write e.g. \"<= 0.01\""
                    + " (every value measured must be at most 0.01) or \">= 100\"");
        }
        return new ValueBound(Comparison.ofSymbol(m.group(1)), number(m.group(2)));
    }

    /** A plain number ({@code 0.01}, {@code 1e-3}, {@code 250}) or a percentage ({@code 1%} is 0.01). */
    private static double number(String text) {
        String s = text.strip();
        try {
            return s.endsWith("%") ? new BigDecimal(s.substring(0, s.length() - 1).strip()).movePointLeft(2).doubleValue()
                    : new BigDecimal(s).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number: write the value in the query's own unit,"
                    + " e.g. 0.01 for a ratio or 0.3 for 300 ms measured in seconds");
        }
    }

    /** {@code p95} is 95.0; the percentile is above 0 and at most 100. */
    public static double percentile(String key) {
        Matcher m = PERCENTILE.matcher(key.strip());
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (p > 0 && p <= 100) {
                return p;
            }
            throw new IllegalArgumentException("'" + key + "' is not a percentile: it must be above p0 and at most p100");
        }
        throw new IllegalArgumentException("'" + key + "' is not a percentile: write p50, p95, p99 or p99.9");
    }

    /** An abort condition's {@code when}: metric, comparison and threshold (a fraction, or milliseconds). */
    public record Condition(String metric, Comparison op, double threshold) {}

    public static Condition condition(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a condition: write e.g. \"successRatio < 50%\""
                    + " or \"p95 > 2s\"");
        }
        String metric = m.group(1);
        Comparison op = Comparison.ofSymbol(m.group(2));
        if (metric.equals("successRatio")) {
            return new Condition(metric, op, percentage(m.group(3)));
        }
        if (metric.equals("value")) {
            return new Condition(metric, op, number(m.group(3)));
        }
        if (!metric.startsWith("p")) {
            throw new IllegalArgumentException("unknown metric '" + metric + "': use successRatio, value or a percentile"
                    + " such as p95" + Suggestions.didYouMean(metric, java.util.List.of("successRatio", "value")));
        }
        percentile(metric);
        Duration limit = Durations.parse(m.group(3));
        return new Condition(metric, op, limit.toNanos() / 1_000_000.0);
    }
}
