package dev.gameday.hypothesis.internal;

import dev.gameday.experiment.ProbeTarget;

/** The check every probe type makes on the target it is given. */
final class Targets {
    private Targets() {}

    static <T extends ProbeTarget> T as(ProbeTarget target, Class<T> type) {
        if (!type.isInstance(target)) {
            throw new IllegalArgumentException("a " + target.type() + " target cannot be sampled by the "
                    + type.getSimpleName() + " probe type");
        }
        return type.cast(target);
    }
}
