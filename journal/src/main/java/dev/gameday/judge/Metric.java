package dev.gameday.judge;

import dev.gameday.text.Units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tolerance bound or an abort condition measures over a window of samples: the success ratio,
 * or a latency percentile. {@code name} is the journal's spelling: {@code successRatio}, {@code p95},
 * {@code p99.9}.
 */
public record Metric(String name, double percentile) {
    public static final Metric SUCCESS_RATIO = new Metric("successRatio", Double.NaN);

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");

    public static Metric percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + percentile);
        }
        return new Metric("p" + Units.trim(percentile, 3), percentile);
    }

    /** {@code successRatio}, or {@code pNN} with NN in (0, 100]. */
    public static Metric parse(String name) {
        if (SUCCESS_RATIO.name.equals(name)) {
            return SUCCESS_RATIO;
        }
        Matcher m = PERCENTILE.matcher(name == null ? "" : name);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (p > 0 && p <= 100) {
                return percentile(p);
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (successRatio or a percentile such as p95)");
    }

    public boolean isRatio() {
        return Double.isNaN(percentile);
    }

    /** The metric over a window; NaN when the window is empty. */
    public double of(SampleWindow window) {
        return isRatio() ? window.successRatio() : window.percentileMs(percentile);
    }

    /** {@code success ratio} or {@code p95}: how sentences name it. */
    public String label() {
        return isRatio() ? "success ratio" : name;
    }

    /** A value of this metric as people read it: {@code 98.04%}, {@code 912 ms}. */
    public String format(double value) {
        return isRatio() ? Units.percent(value) : Units.latency(value);
    }
}
