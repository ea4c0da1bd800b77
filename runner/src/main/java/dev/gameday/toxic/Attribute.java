package dev.gameday.toxic;

/**
 * One attribute of a fault kind: its Toxiproxy name, its unit, whether an experiment must give it (or
 * ramp it), whether a ramp may move it, the largest value accepted (the smallest is 0; bounds keep the
 * proxy's arithmetic from overflowing) and what it means, for the docs.
 */
public record Attribute(String name, Unit unit, boolean required, boolean rampable, long maximum, String meaning) {
    /** A day in milliseconds: the longest any toxic waits. */
    public static final long DAY_MILLIS = 86_400_000L;

    /** A time in ms, optional, rampable, at most a day. */
    public static Attribute millis(String name, String meaning) {
        return new Attribute(name, Unit.MILLIS, false, true, DAY_MILLIS, meaning);
    }

    public Attribute mustBeGiven() {
        return new Attribute(name, unit, true, rampable, maximum, meaning);
    }

    public Attribute upTo(long max) {
        return new Attribute(name, unit, required, rampable, max, meaning);
    }
}
