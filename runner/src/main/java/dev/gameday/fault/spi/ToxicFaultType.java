package dev.gameday.fault.spi;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A fault that is one Toxiproxy toxic: subclasses map attributes to toxiproxy-java's typed calls.
 * The toxic is created with the attributes its factory method takes, then the others are set.
 */
public abstract class ToxicFaultType<T extends Toxic> implements FaultType {

    /** Creates the toxic through its typed factory, using the attributes in {@link #createdWith()}. */
    protected abstract T create(ToxicList toxics, String name, ToxicDirection stream, Map<String, Long> attributes)
            throws IOException;

    /** The attributes {@link #create} already sends. */
    protected abstract Set<String> createdWith();

    /** Sets one attribute through its typed setter; unknown attributes are an IllegalArgumentException. */
    protected abstract void set(T toxic, String attribute, long value) throws IOException;

    @Override
    public final ActiveFault inject(Proxy proxy, Request request) throws IOException {
        T toxic = create(proxy.toxics(), request.name(), request.stream(), request.attributes());
        try {
            for (Map.Entry<String, Long> a : request.attributes().entrySet()) {
                if (!createdWith().contains(a.getKey())) {
                    set(toxic, a.getKey(), a.getValue());
                }
            }
            if (request.toxicity() < 1.0) {
                toxic.setToxicity((float) request.toxicity());
            }
        } catch (IOException | RuntimeException e) {
            toxic.remove();
            throw e;
        }
        return new ActiveFault() {
            @Override
            public void update(String attribute, long value) throws IOException {
                set(toxic, attribute, value);
            }

            @Override
            public void remove() throws IOException {
                toxic.remove();
            }
        };
    }

    /** An attribute, or 0 (Toxiproxy's default for every attribute) when absent. */
    protected static long attr(Map<String, Long> attributes, String name) {
        return attributes.getOrDefault(name, 0L);
    }

    protected final IllegalArgumentException unknown(String attribute) {
        return new IllegalArgumentException("toxic " + toxic() + " has no attribute '" + attribute + "'");
    }
}
