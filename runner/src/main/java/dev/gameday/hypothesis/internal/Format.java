package dev.gameday.hypothesis.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How bounds, observations and errors are written in samples, tolerance results and the journal. */
public final class Format {
    private static final int MAX_ERROR_LENGTH = 200;

    private Format() {}

    /** {@code 0.975} → {@code 97.5%}, {@code 0.99} → {@code 99%}. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "no samples";
        }
        return plain(BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP)) + "%";
    }

    /** Latency: whole milliseconds from 100 ms on, one decimal below ({@code 912ms}, {@code 3.2ms}). */
    public static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "no samples";
        }
        return plain(BigDecimal.valueOf(ms).setScale(ms >= 100 ? 0 : 1, RoundingMode.HALF_UP)) + "ms";
    }

    /** A limit in milliseconds: {@code 2000} → {@code 2s}, {@code 800} → {@code 800ms}. */
    public static String limit(double ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return plain(BigDecimal.valueOf(ms / 1000)) + "s";
        }
        return plain(BigDecimal.valueOf(ms)) + "ms";
    }

    public static String limit(Duration duration) {
        return limit(duration.toNanos() / 1e6);
    }

    /** {@code 95.0} → {@code p95}, {@code 99.9} → {@code p99.9}. */
    public static String percentileName(double percentile) {
        return "p" + plain(BigDecimal.valueOf(percentile));
    }

    /** A short one-line error text for a failure (the message, or the exception's name when it has none). */
    public static String error(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : message.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
