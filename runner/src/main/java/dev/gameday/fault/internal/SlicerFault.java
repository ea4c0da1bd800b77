package dev.gameday.fault.internal;

import dev.gameday.fault.spi.ToxicFaultType;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** {@code slicer}: {@code average_size} and {@code size_variation} in bytes, {@code delay} in µs. */
public final class SlicerFault extends ToxicFaultType<Slicer> {
    @Override
    public String toxic() {
        return "slicer";
    }

    @Override
    protected Slicer create(ToxicList toxics, String name, ToxicDirection stream, Map<String, Long> attributes)
            throws IOException {
        return toxics.slicer(name, stream, attr(attributes, "average_size"), attr(attributes, "delay"));
    }

    @Override
    protected Set<String> createdWith() {
        return Set.of("average_size", "delay");
    }

    @Override
    protected void set(Slicer toxic, String attribute, long value) throws IOException {
        switch (attribute) {
            case "average_size" -> toxic.setAverageSize(value);
            case "size_variation" -> toxic.setSizeVariation(value);
            case "delay" -> toxic.setDelay(value);
            default -> throw unknown(attribute);
        }
    }
}
