package dev.gameday.hypothesis.spi;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The registry of probe types: the built-in {@code http}, {@code tcp}, {@code command} and any plugged in. */
public final class ProbeTypes {
    private static final Map<String, ProbeType> TYPES = load();

    private ProbeTypes() {}

    public static ProbeType of(String type) {
        ProbeType probeType = TYPES.get(type);
        if (probeType == null) {
            throw new IllegalArgumentException("unknown probe type '" + type + "' (known: "
                    + String.join(", ", names()) + ")");
        }
        return probeType;
    }

    public static Set<String> names() {
        return TYPES.keySet();
    }

    private static Map<String, ProbeType> load() {
        Map<String, ProbeType> types = new TreeMap<>();
        for (ProbeType type : ServiceLoader.load(ProbeType.class, ProbeTypes.class.getClassLoader())) {
            types.putIfAbsent(type.type(), type);
        }
        return Collections.unmodifiableMap(types);
    }
}
