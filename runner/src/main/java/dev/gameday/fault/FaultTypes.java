package dev.gameday.fault;

import dev.gameday.fault.spi.FaultType;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The fault types on the class path ({@link FaultType} services), by their {@code toxic:} name. */
public final class FaultTypes {
    private static final Map<String, FaultType> BY_NAME = load();

    private FaultTypes() {}

    public static Optional<FaultType> named(String toxic) {
        return Optional.ofNullable(BY_NAME.get(toxic));
    }

    public static FaultType require(String toxic) {
        return named(toxic).orElseThrow(() -> new IllegalArgumentException(
                "unknown toxic '" + toxic + "' (known: " + String.join(", ", BY_NAME.keySet()) + ")"));
    }

    private static Map<String, FaultType> load() {
        Map<String, FaultType> types = new TreeMap<>();
        for (FaultType t : ServiceLoader.load(FaultType.class, FaultTypes.class.getClassLoader())) {
            types.put(t.toxic(), t);
        }
        return Map.copyOf(types);
    }
}
