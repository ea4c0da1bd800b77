package dev.gameday.hypothesis.spi;

import dev.gameday.experiment.ProbeTarget;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A kind of probe ({@code type:} in the experiment). Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.gameday.hypothesis.spi.ProbeType});
 * see {@link ProbeTypes}.
 */
public interface ProbeType {
    /** The {@code type:} value, equal to {@link ProbeTarget#type()} of the targets it accepts. */
    String type();

    /**
     * Prepares sampling {@code target}. Throws {@link IllegalArgumentException} when the target is not
     * usable (wrong target class, bad JSONPath…).
     */
    ProbeAction open(Vertx vertx, ProbeTarget target, Duration timeout);
}
