package dev.gameday.hypothesis.spi;

import dev.gameday.experiment.ProbeTarget;
import dev.gameday.experiment.spi.ProbeKind;
import dev.gameday.journal.ProbeHistory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

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

    /**
     * What the target itself recorded of the value this kind measures from {@code fromMs} to
     * {@code toMs}, one point every {@code stepMs}, for the run report to chart beside the samples
     * (a {@code prometheus} probe asks the server's range API). Null, the default, when the kind keeps
     * no such record; a failed future's message says why there is none, in words fit for the report.
     */
    default Future<List<ProbeHistory.Point>> history(Vertx vertx, ProbeTarget target, Duration timeout, long fromMs,
            long toMs, long stepMs) {
        return null;
    }
}
