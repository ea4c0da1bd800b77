package dev.gameday.toxic;

import java.util.List;
import java.util.Map;

/**
 * One kind of fault an experiment may write as {@code toxic:} — a Toxiproxy toxic or {@code down} —
 * described whole: its attributes (units, bounds, which are required), what it does in one line, how
 * a configured one reads ("400 ms latency ±50 ms") and what tends to go wrong under it. The loader
 * validates with it, the experiment copy carries its words and risks to every report, the JSON Schema
 * and the docs tables are generated from it, and the embedded proxy's toxics implement it.
 *
 * <p>Kinds are found with {@link java.util.ServiceLoader}: adding one is one class implementing this
 * (for a toxic, {@code dev.gameday.proxy.toxic.Toxic}, which adds its data path) and its line in
 * {@code META-INF/services/dev.gameday.toxic.FaultKind}; see {@link FaultKinds}.
 */
public interface FaultKind {
    /** The {@code toxic:} value, and Toxiproxy's toxic type. */
    String name();

    /** What it does, in one line, for the docs. */
    String description();

    /** Its attributes in documentation order, all integers in Toxiproxy's units (missing ones are 0). */
    List<Attribute> attributes();

    /** A configured fault in plain words, e.g. {@code 400 ms latency ±50 ms}; {@code attributes} in Toxiproxy units. */
    String describe(Map<String, Long> attributes);

    /** What tends to go wrong under this fault, and where to look: the pre-mortem's derived risks. */
    List<Risk> risks();

    /** False for a toxic only Gameday's embedded proxy has: refused when an experiment names a real Toxiproxy. */
    default boolean onToxiproxy() {
        return true;
    }

    /** True for {@code down}, which disables the proxy instead of adding a toxic. */
    default boolean outage() {
        return false;
    }

    /** The attribute of that name, or null. */
    default Attribute attribute(String name) {
        return attributes().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    /** An attribute's value, or 0 (Toxiproxy's default) when not given. */
    static long value(Map<String, Long> attributes, String name) {
        Long v = attributes.get(name);
        return v == null ? 0 : v;
    }
}
