package dev.gameday.rollback;

import dev.gameday.judge.Comparison;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.RatioBound;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Rollback;
import dev.gameday.experiment.Tolerance;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.journal.RollbackDone;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs one rollback action. An action is an {@code http} call or a {@code command} with the fields of
 * the probe of that type, so it is carried out as a single probe sample: succeeding means the same
 * as for a probe (expected status / exit code and body).
 */
public final class RollbackAction {
    /** When the rollback gives no timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private RollbackAction() {}

    public static Future<RollbackDone> run(Vertx vertx, Rollback rollback, Redactor redactor) {
        Duration timeout = rollback.timeout() == null ? DEFAULT_TIMEOUT : rollback.timeout();
        Probe asProbe = new Probe(rollback.name(), timeout, timeout, Set.of(), rollback.action(),
                new Tolerance(timeout, new RatioBound(Comparison.GE, 1.0), List.of()));
        return ProbeSampler.sampleOnce(vertx, asProbe, redactor)
                .map(s -> new RollbackDone(rollback.name(), s.ok(), s.ok() ? null : s.error()))
                .otherwise(e -> new RollbackDone(rollback.name(), false, String.valueOf(e.getMessage())));
    }
}
