package dev.gameday.hypothesis;

import dev.gameday.hypothesis.internal.Format;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a tolerance or abort condition measures over a window: the success ratio or a latency percentile. */
record Metric(String name, double percentile) {
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");

    static final Metric SUCCESS_RATIO = new Metric("successRatio", Double.NaN);

    static Metric percentileOf(double percentile) {
        return new Metric(Format.percentileName(percentile), percentile);
    }

    /** {@code successRatio}, or {@code pNN} with NN in (0, 100]. */
    static Metric parse(String name) {
        if (SUCCESS_RATIO.name.equals(name)) {
            return SUCCESS_RATIO;
        }
        Matcher m = PERCENTILE.matcher(name == null ? "" : name);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (p > 0 && p <= 100) {
                return percentileOf(p);
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (successRatio or a percentile such as p95)");
    }

    boolean isRatio() {
        return Double.isNaN(percentile);
    }

    double read(SlidingWindow window) {
        return isRatio() ? window.successRatio() : window.percentileMs(percentile);
    }

    /** A value of this metric as text: a fraction as a percentage, milliseconds as a latency. */
    String text(double value) {
        return isRatio() ? Format.percent(value) : Format.millis(value);
    }

    /** A bound of this metric as text: {@code 99%}, {@code 800ms}, {@code 2s}. */
    String boundText(double bound) {
        return isRatio() ? Format.percent(bound) : Format.limit(bound);
    }
}
