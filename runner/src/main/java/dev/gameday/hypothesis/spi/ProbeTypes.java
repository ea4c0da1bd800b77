package dev.gameday.hypothesis.spi;

import dev.gameday.experiment.spi.ProbeKind;
import dev.gameday.experiment.spi.ProbeKinds;
import java.util.List;

/** The probe types that can sample: the {@link ProbeKind}s that are {@link ProbeType}s. */
public final class ProbeTypes {
    private ProbeTypes() {}

    public static ProbeType of(String type) {
        ProbeKind kind = ProbeKinds.named(type).orElseThrow(() -> new IllegalArgumentException(
                "unknown probe type '" + type + "' (known: " + String.join(", ", names()) + ")"));
        if (!(kind instanceof ProbeType sampling)) {
            throw new IllegalArgumentException("probe type '" + type + "' cannot take samples");
        }
        return sampling;
    }

    public static List<String> names() {
        return ProbeKinds.all().stream().map(ProbeKind::type).toList();
    }
}
