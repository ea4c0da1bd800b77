package dev.gameday.toxic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The fault kinds on the class path ({@link FaultKind} services), by {@code toxic:} name, in documentation order. */
public final class FaultKinds {
    private static final Map<String, FaultKind> KINDS = load();

    private FaultKinds() {}

    public static Optional<FaultKind> named(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static FaultKind require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown toxic '" + name + "' (known: " + String.join(", ", KINDS.keySet()) + ")"));
    }

    /** Every kind, in the order of the services file. */
    public static List<FaultKind> all() {
        return List.copyOf(KINDS.values());
    }

    private static Map<String, FaultKind> load() {
        Map<String, FaultKind> kinds = new LinkedHashMap<>();
        for (FaultKind kind : ServiceLoader.load(FaultKind.class, FaultKinds.class.getClassLoader())) {
            if (kinds.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("two fault kinds named " + kind.name());
            }
        }
        return Collections.unmodifiableMap(kinds);
    }
}
