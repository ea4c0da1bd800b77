package dev.gameday.experiment;

import java.time.Duration;
import java.util.List;

/**
 * One step of the method. Exactly one of {@code fault}, {@code pause} and {@code parallel} is set:
 * a fault held for its duration, a pause, or child steps started together (the block ends when the
 * last child ends). Names are unique across the whole method.
 */
public record Step(String name, Fault fault, Duration pause, List<Step> parallel) {
    public Step {
        parallel = parallel == null ? List.of() : List.copyOf(parallel);
    }

    public Kind kind() {
        if (fault != null) {
            return Kind.FAULT;
        }
        return pause != null ? Kind.PAUSE : Kind.PARALLEL;
    }

    public enum Kind { FAULT, PAUSE, PARALLEL }
}
