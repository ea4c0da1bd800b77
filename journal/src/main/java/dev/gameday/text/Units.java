package dev.gameday.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers read everywhere a run is shown (console, reports, replay): durations, latencies, ratios, offsets. */
public final class Units {
    private Units() {}

    /** {@code 400 ms}, {@code 6.5 s}, {@code 2 min 5 s}, {@code 3 h 20 min}, {@code 30 d}. */
    public static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return trim(ms / 1000.0, 1) + " s";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400 * 2) {
            long min = Math.round(s / 60.0);
            return (min / 60) + " h" + (min % 60 == 0 ? "" : " " + (min % 60) + " min");
        }
        return trim(s / 86_400.0, 1) + " d";
    }

    /** Seconds as the console counts them: {@code 5s}, {@code 2.5s}. */
    public static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    /** Minutes with one decimal, the unit error budgets are quoted in: {@code 43.2 min}. */
    public static String minutes(double ms) {
        double min = ms / 60_000.0;
        return (min < 0.1 && min > 0 ? trim(min, 3) : trim(min, 1)) + " min";
    }

    /** Unavailability as error budgets count it: {@code 611 ms}, {@code 45 s}, {@code 2.1 min}. */
    public static String budgetTime(double ms) {
        return ms < 60_000 ? duration(Math.round(ms)) : minutes(ms);
    }

    /** A latency in decimal milliseconds: {@code 3.52 ms}, {@code 412 ms}, {@code 1.23 s}. */
    public static String latency(double ms) {
        return latency(ms, 0);
    }

    /** The same with {@code extra} more decimals, to tell apart two latencies that read alike. */
    public static String latency(double ms, int extra) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms < 10) {
            return trim(ms, 2 + extra) + " ms";
        }
        if (ms < 1000) {
            return trim(ms, extra) + " ms";
        }
        return trim(ms / 1000.0, 2 + extra) + " s";
    }

    /**
     * A measured value with at most four significant digits, in plain notation: {@code 0.0125},
     * {@code 312.5}, {@code 1235000}; {@code –} for NaN.
     */
    public static String number(double value) {
        return number(value, 0);
    }

    /** The same with {@code extra} more significant digits. */
    public static String number(double value, int extra) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4 + extra)).stripTrailingZeros()
                .toPlainString();
    }

    /** A fraction as a percentage with as many decimals as it needs: {@code 99%}, {@code 99.95%}. */
    public static String percent(double fraction) {
        return percent(fraction, 0);
    }

    /** The same with {@code extra} more decimals, to tell apart two ratios that read alike. */
    public static String percent(double fraction, int extra) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        double p = fraction * 100;
        int decimals = p == Math.rint(p) ? 0 : Math.abs(p * 10 - Math.rint(p * 10)) < 1e-9 ? 1 : 2;
        return trim(p, decimals + extra) + "%";
    }

    /** Time since a start: {@code +0:05.2}, {@code +12:40.0}, {@code +1:02:03}. */
    public static String offset(long ms) {
        String sign = ms < 0 ? "-" : "+";
        long abs = Math.abs(ms);
        long h = abs / 3_600_000;
        long m = abs / 60_000 % 60;
        double s = abs % 60_000 / 1000.0;
        if (h > 0) {
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, h, m, (long) s);
        }
        return String.format(Locale.ROOT, "%s%d:%04.1f", sign, m, s);
    }

    /** Axis labels: {@code 0s}, {@code 30s}, {@code 2m}, {@code 2m30s}, {@code 1h5m}. */
    public static String axis(long ms) {
        long s = ms / 1000;
        if (s < 60) {
            return ms % 1000 == 0 ? s + "s" : trim(ms / 1000.0, 1) + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + (s / 60 % 60 == 0 ? "" : (s / 60 % 60) + "m");
    }

    /** {@code sha256:0123456789ab}: enough of a file hash to tell versions apart. */
    public static String shortHash(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return "–";
        }
        return sha256.length() > 12 ? "sha256:" + sha256.substring(0, 12) : sha256;
    }

    public static String trim(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
