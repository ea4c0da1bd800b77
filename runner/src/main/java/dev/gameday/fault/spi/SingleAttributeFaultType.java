package dev.gameday.fault.spi;

import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** A toxic with a single attribute, given as its toxiproxy-java factory and setter. */
public abstract class SingleAttributeFaultType<T extends Toxic> extends ToxicFaultType<T> {
    private final String toxic;
    private final String attribute;
    private final Factory<T> factory;
    private final Setter<T> setter;

    protected SingleAttributeFaultType(String toxic, String attribute, Factory<T> factory, Setter<T> setter) {
        this.toxic = toxic;
        this.attribute = attribute;
        this.factory = factory;
        this.setter = setter;
    }

    @Override
    public final String toxic() {
        return toxic;
    }

    @Override
    protected final T create(ToxicList toxics, String name, ToxicDirection stream, Map<String, Long> attributes)
            throws IOException {
        return factory.create(toxics, name, stream, attr(attributes, attribute));
    }

    @Override
    protected final Set<String> createdWith() {
        return Set.of(attribute);
    }

    @Override
    protected final void set(T t, String name, long value) throws IOException {
        if (!name.equals(attribute)) {
            throw unknown(name);
        }
        setter.set(t, value);
    }

    /** A typed factory of {@link ToxicList}, e.g. {@code ToxicList::timeout}. */
    @FunctionalInterface
    protected interface Factory<T> {
        T create(ToxicList toxics, String name, ToxicDirection stream, long value) throws IOException;
    }

    /** A typed setter, e.g. {@code Timeout::setTimeout}. */
    @FunctionalInterface
    protected interface Setter<T> {
        void set(T toxic, long value) throws IOException;
    }
}
