package dev.gameday.toxic;

import dev.gameday.text.Units;

/** The Toxiproxy unit of an attribute, how people write it in an experiment, and how its value reads. */
public enum Unit {
    MILLIS("a duration such as 400ms"),
    MICROS("a duration such as 20ms"),
    BYTES("a whole number of bytes"),
    KB_PER_SECOND("a whole number of KB/s");

    private final String written;

    Unit(String written) {
        this.written = written;
    }

    /** How the experiment format expects it written, for error messages and the docs. */
    public String written() {
        return written;
    }

    /** A value in this unit as people read it: {@code 400 ms}, {@code 20 µs}, {@code 1024 bytes}, {@code 100 KB/s}. */
    public String format(long value) {
        return switch (this) {
            case MILLIS -> Units.duration(value);
            case MICROS -> value + " µs";
            case BYTES -> value + " bytes";
            case KB_PER_SECOND -> value + " KB/s";
        };
    }
}
