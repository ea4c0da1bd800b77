package dev.gameday.proxy.toxic;

import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.FaultKinds;
import java.util.Optional;

/** The toxics the embedded proxy has: the fault kinds that are {@link Toxic}s. */
public final class ToxicTypes {
    private ToxicTypes() {}

    public static Optional<Toxic> find(String type) {
        return FaultKinds.named(type).filter(Toxic.class::isInstance).map(Toxic.class::cast);
    }
}
