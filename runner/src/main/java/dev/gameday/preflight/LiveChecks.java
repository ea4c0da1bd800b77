package dev.gameday.preflight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.ExperimentJson;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultServer;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.report.premortem.PreflightCheck;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code run --dry-run} and {@code premortem --check}: the run's own {@link Preflight}, then the steady
 * state sampled through the proxies and judged by the run's judge ({@link SteadyStateCheck}); then
 * whatever was created is removed (and a replaced proxy put back). No fault is injected. Same input,
 * same answer as the run would give before its first fault.
 */
public final class LiveChecks {
    private LiveChecks() {}

    /** Whether a run would start, and if not, why. */
    public enum Outcome {
        /** It would start. */
        GO,
        /** The experiment conflicts with what the Toxiproxy server has (a proxy of its name, otherwise set up). */
        CONFLICT,
        /** A target, proxy or the Toxiproxy server cannot be used. */
        UNUSABLE,
        /** The steady state does not hold (or a fault's proxy carries no traffic): inconclusive. */
        NOT_STEADY
    }

    public record Result(List<PreflightCheck> checks, Outcome outcome, String reason) {
        public Result {
            checks = List.copyOf(checks);
        }
    }

    /** {@code samples} per probe for the steady state, or 0 for the default (a tolerance window, ≥ 20). */
    public static Result run(LoadedExperiment loaded, int samples, boolean replaceProxies) {
        ObjectNode copy = ExperimentJson.toTree(loaded.redacted());
        Vertx vertx = Vertx.vertx();
        FaultServer server = FaultServer.open(loaded.experiment().toxiproxy());
        // Its own run id: the check holds the run's leases while it samples, then releases them.
        FaultLedger ledger = new FaultLedger(server.url(), "check-" + UUID.randomUUID(), FaultLedger.NO_INTENTS);
        try (server) {
            Preflight preflight = new Preflight(loaded.experiment(), server, ledger, replaceProxies, e -> { });
            List<PreflightCheck> checks = new ArrayList<>();
            try {
                preflight.proxies();
                preflight.probesAnswer(vertx, loaded.redactor()).await();
            } catch (Exception e) {
                checks.addAll(preflight.checks());
                boolean conflict = e instanceof PreflightFailure f && f.conflict();
                return new Result(checks, conflict ? Outcome.CONFLICT : Outcome.UNUSABLE, e.getMessage());
            }
            checks.addAll(preflight.checks());
            List<PreflightCheck> steady = SteadyStateCheck.run(vertx, loaded.experiment(), copy, loaded.redactor(),
                    samples, new TrafficMeter(server.url()), preflight.faultProxies()).await();
            checks.addAll(steady);
            PreflightCheck red = steady.stream().filter(c -> !c.ok()).findFirst().orElse(null);
            return red == null ? new Result(checks, Outcome.GO, null)
                    : new Result(checks, Outcome.NOT_STEADY, red.name() + ": " + red.detail());
        } finally {
            ledger.seal(2000);
            ledger.undoAll(2000);
            vertx.close();
        }
    }
}
