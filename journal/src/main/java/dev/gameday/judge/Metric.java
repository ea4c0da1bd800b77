package dev.gameday.judge;

import dev.gameday.text.Units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tolerance bound or an abort condition measures over a window of samples: the success ratio,
 * a latency percentile, or the value the samples measured (a probe such as {@code prometheus} reads a
 * number per sample). {@code name} is the journal's spelling: {@code successRatio}, {@code p95},
 * {@code p99.9}, {@code value}. {@code percentile} is NaN but for a percentile.
 */
public record Metric(String name, double percentile) {
    public static final Metric SUCCESS_RATIO = new Metric("successRatio", Double.NaN);
    public static final Metric VALUE = new Metric("value", Double.NaN);

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");

    public static Metric percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + percentile);
        }
        return new Metric("p" + Units.trim(percentile, 3), percentile);
    }

    /** {@code successRatio}, {@code value}, or {@code pNN} with NN in (0, 100]. */
    public static Metric parse(String name) {
        if (SUCCESS_RATIO.name.equals(name)) {
            return SUCCESS_RATIO;
        }
        if (VALUE.name.equals(name)) {
            return VALUE;
        }
        Matcher m = PERCENTILE.matcher(name == null ? "" : name);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (p > 0 && p <= 100) {
                return percentile(p);
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name
                + "' (successRatio, value or a percentile such as p95)");
    }

    public boolean isRatio() {
        return this.equals(SUCCESS_RATIO);
    }

    public boolean isValue() {
        return this.equals(VALUE);
    }

    public boolean isLatency() {
        return !Double.isNaN(percentile);
    }

    /**
     * The ratio or the percentile over a window; NaN when the window is empty. A value is measured
     * against a bound, which knows its worse side: {@link Bound#measure}.
     */
    double of(SampleWindow window) {
        return isRatio() ? window.successRatio() : window.percentileMs(percentile);
    }

    /** {@code success ratio}, {@code p95} or {@code value}: how sentences name it. */
    public String label() {
        return isRatio() ? "success ratio" : name;
    }

    /** A value of this metric as people read it: {@code 98.04%}, {@code 912 ms}, {@code 0.0125}. */
    public String format(double value) {
        return format(value, 0);
    }

    /** The same with {@code extra} more digits. */
    String format(double value, int extra) {
        return isRatio() ? Units.percent(value, extra) : isValue() ? Units.number(value, extra)
                : Units.latency(value, extra);
    }
}
