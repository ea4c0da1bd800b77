package dev.gameday.hypothesis;

import java.math.BigDecimal;

/** How timeouts and errors are written in samples. */
public final class Format {
    private static final int MAX_ERROR_LENGTH = 200;

    private Format() {}

    /** A limit in milliseconds: {@code 2000} → {@code 2s}, {@code 800} → {@code 800ms}. */
    public static String limit(double ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return plain(BigDecimal.valueOf(ms / 1000)) + "s";
        }
        return plain(BigDecimal.valueOf(ms)) + "ms";
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
