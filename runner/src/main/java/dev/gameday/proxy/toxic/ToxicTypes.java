package dev.gameday.proxy.toxic;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of toxic types, keyed by type name, found with {@link ServiceLoader}. */
public final class ToxicTypes {

    private static final Map<String, Toxic> TYPES = load();

    private ToxicTypes() {}

    public static Optional<Toxic> find(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }


    private static Map<String, Toxic> load() {
        Map<String, Toxic> types = new TreeMap<>();
        for (Toxic toxic : ServiceLoader.load(Toxic.class, Toxic.class.getClassLoader())) {
            if (types.putIfAbsent(toxic.type(), toxic) != null) {
                throw new IllegalStateException("two toxics named " + toxic.type());
            }
        }
        return Collections.unmodifiableMap(types);
    }
}
