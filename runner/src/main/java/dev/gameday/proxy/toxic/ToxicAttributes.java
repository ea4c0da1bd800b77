package dev.gameday.proxy.toxic;

import java.util.LinkedHashMap;
import java.util.Map;

/** The integer attributes of a toxic, every declared one present (missing ones are 0). */
public record ToxicAttributes(Map<String, Long> values) {

    public ToxicAttributes {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public long get(String name) {
        Long value = values.get(name);
        return value == null ? 0 : value;
    }

    /** These attributes with {@code changes} laid over them. */
    public ToxicAttributes with(Map<String, Long> changes) {
        Map<String, Long> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return new ToxicAttributes(merged);
    }
}
