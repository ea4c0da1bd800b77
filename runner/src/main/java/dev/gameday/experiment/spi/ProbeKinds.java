package dev.gameday.experiment.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The probe kinds on the class path ({@link ProbeKind} services), by {@code type:}, in alphabetical order. */
public final class ProbeKinds {
    private static final Map<String, ProbeKind> KINDS = load();

    private ProbeKinds() {}

    public static Optional<ProbeKind> named(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    public static List<ProbeKind> all() {
        return List.copyOf(KINDS.values());
    }

    /** The kinds a rollback may be of. */
    public static List<ProbeKind> rollbacks() {
        return KINDS.values().stream().filter(ProbeKind::rollback).toList();
    }

    private static Map<String, ProbeKind> load() {
        Map<String, ProbeKind> kinds = new TreeMap<>();
        for (ProbeKind kind : ServiceLoader.load(ProbeKind.class, ProbeKinds.class.getClassLoader())) {
            if (kinds.putIfAbsent(kind.type(), kind) != null) {
                throw new IllegalStateException("two probe kinds named " + kind.type());
            }
        }
        return Collections.unmodifiableMap(kinds);
    }
}
