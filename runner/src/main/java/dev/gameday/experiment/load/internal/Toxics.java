package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Toxiproxy toxics a fault may use, the attributes each accepts, and how an attribute written in
 * human units ({@code 400ms}, {@code 20ms}) becomes the integer Toxiproxy expects.
 */
public final class Toxics {
    /** The unit Toxiproxy wants for an attribute, and how users write it. */
    public enum Unit {
        MILLIS("a duration such as 400ms"),
        MICROS("a duration such as 20ms"),
        BYTES("a whole number of bytes"),
        KB_PER_SECOND("a whole number of KB/s");

        private final String written;

        Unit(String written) {
            this.written = written;
        }
    }

    private static final Map<String, Map<String, Unit>> ATTRIBUTES = new LinkedHashMap<>();
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "latency", List.of("latency"),
            "bandwidth", List.of("rate"),
            "slicer", List.of("average_size"),
            "limit_data", List.of("bytes"));

    static {
        ATTRIBUTES.put("latency", ordered("latency", Unit.MILLIS, "jitter", Unit.MILLIS));
        ATTRIBUTES.put("down", Map.of());
        ATTRIBUTES.put("bandwidth", ordered("rate", Unit.KB_PER_SECOND));
        ATTRIBUTES.put("timeout", ordered("timeout", Unit.MILLIS));
        ATTRIBUTES.put("slow_close", ordered("delay", Unit.MILLIS));
        ATTRIBUTES.put("reset_peer", ordered("timeout", Unit.MILLIS));
        ATTRIBUTES.put("slicer", ordered("average_size", Unit.BYTES, "size_variation", Unit.BYTES, "delay", Unit.MICROS));
        ATTRIBUTES.put("limit_data", ordered("bytes", Unit.BYTES));
    }

    private Toxics() {}

    /** Every toxic name, {@code down} included, in documentation order. */
    public static Set<String> names() {
        return ATTRIBUTES.keySet();
    }

    /** The attributes of {@code toxic} and their units, in documentation order. */
    public static Map<String, Unit> attributes(String toxic) {
        return ATTRIBUTES.get(toxic);
    }

    /** The attributes a fault of {@code toxic} must give (or ramp). */
    public static List<String> required(String toxic) {
        return REQUIRED.getOrDefault(toxic, List.of());
    }

    /** The Toxiproxy value of {@code text} for an attribute in {@code unit}; throws with a clear message. */
    public static long toToxiproxy(Unit unit, String text) {
        return switch (unit) {
            case MILLIS -> whole(Durations.parse(text), 1_000_000L, "milliseconds", text);
            case MICROS -> whole(Durations.parse(text), 1_000L, "microseconds", text);
            case BYTES, KB_PER_SECOND -> {
                try {
                    long n = Long.parseLong(text.strip());
                    if (n < 0) {
                        throw new IllegalArgumentException("'" + text + "' is negative: expected " + unit.written);
                    }
                    yield n;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not " + unit.written);
                }
            }
        };
    }

    public static String written(Unit unit) {
        return unit.written;
    }

    private static long whole(Duration d, long nanosPerUnit, String unitName, String text) {
        if (d.toNanos() % nanosPerUnit != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of " + unitName);
        }
        return d.toNanos() / nanosPerUnit;
    }

    private static Map<String, Unit> ordered(Object... pairs) {
        Map<String, Unit> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Unit) pairs[i + 1]);
        }
        return m;
    }
}
