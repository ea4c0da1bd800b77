package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.Durations;
import dev.gameday.toxic.Attribute;
import dev.gameday.toxic.FaultKinds;
import dev.gameday.toxic.Unit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault kinds as the loader reads them ({@link FaultKinds}): their names, the attributes each
 * accepts and their units, and how an attribute written in human units ({@code 400ms}, {@code 20ms})
 * becomes the integer Toxiproxy expects.
 */
final class Toxics {
    private Toxics() {}

    /** Every toxic name, {@code down} included, in documentation order. */
    static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        FaultKinds.all().forEach(k -> names.add(k.name()));
        return names;
    }

    /** The attributes of {@code toxic} and their units, in documentation order. */
    static Map<String, Unit> attributes(String toxic) {
        Map<String, Unit> units = new LinkedHashMap<>();
        FaultKinds.require(toxic).attributes().forEach(a -> units.put(a.name(), a.unit()));
        return units;
    }

    /** The attributes a fault of {@code toxic} must give (or ramp). */
    static List<String> required(String toxic) {
        return FaultKinds.require(toxic).attributes().stream().filter(Attribute::required).map(Attribute::name).toList();
    }

    static Attribute attribute(String toxic, String name) {
        return FaultKinds.require(toxic).attribute(name);
    }

    /** The Toxiproxy value of {@code text} for {@code attribute}; throws with a clear message. */
    static long toToxiproxy(Attribute attribute, String text) {
        long value = switch (attribute.unit()) {
            case MILLIS -> whole(Durations.parse(text), 1_000_000L, "milliseconds", text);
            case MICROS -> whole(Durations.parse(text), 1_000L, "microseconds", text);
            case BYTES, KB_PER_SECOND -> {
                try {
                    long n = Long.parseLong(text.strip());
                    if (n < 0) {
                        throw new IllegalArgumentException("'" + text + "' is negative: expected " + attribute.unit().written());
                    }
                    yield n;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not " + attribute.unit().written());
                }
            }
        };
        if (value > attribute.maximum()) {
            throw new IllegalArgumentException("'" + text + "' is more than the largest " + attribute.name()
                    + " accepted, " + attribute.unit().format(attribute.maximum()));
        }
        return value;
    }

    private static long whole(Duration d, long nanosPerUnit, String unitName, String text) {
        if (d.toNanos() % nanosPerUnit != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of " + unitName);
        }
        return d.toNanos() / nanosPerUnit;
    }
}
