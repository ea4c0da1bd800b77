package dev.gameday.hypothesis.spi;

import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.ProbeKind;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A kind of probe ({@code type:} in the experiment), whole: what the loader reads ({@link ProbeKind})
 * and how a sample is taken. Adding a probe type is this class, its {@link ProbeTarget} record and a
 * line in {@code META-INF/services/dev.gameday.experiment.spi.ProbeKind}; see {@link ProbeTypes}.
 */
public interface ProbeType extends ProbeKind {
    /**
     * Prepares sampling {@code target}. Throws {@link IllegalArgumentException} when the target is not
     * usable (wrong target class, bad JSONPath…).
     */
    ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout);
}
