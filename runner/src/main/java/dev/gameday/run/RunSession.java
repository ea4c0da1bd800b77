package dev.gameday.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Redactor;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultServer;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.hypothesis.Lookback;
import dev.gameday.hypothesis.Sample;
import dev.gameday.journal.AbortRequested;
import dev.gameday.journal.AbortTripped;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.judge.AbortRule;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.judge.Sentences;
import dev.gameday.preflight.Preflight;
import dev.gameday.preflight.PreflightFailure;
import dev.gameday.rollback.Teardown;
import eu.rekawek.toxiproxy.Proxy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * One run on the engine's event loop: pre-flight, steady state before, the method's plan on Vert.x
 * timers, recovery, steady state after, then — however it ended — the {@link Teardown} of every fault
 * and created proxy, rollbacks and the verdict. Every event goes through {@link #record}: into the
 * journal and, with the very {@code t} the journal gave it, into the {@link Judge} — the one judgement
 * every report recomputes from the journal. Sampling pauses between before and the method, so the
 * baseline is judged on every one of its samples before any fault; at the end (abort included) every
 * slot sent is waited for and journaled. Every blocking Toxiproxy call runs on a worker thread. All
 * fields are confined to the session's event-loop context.
 */
final class RunSession {
    private static final long HEARTBEAT_MS = 1000;

    private final Vertx vertx;
    private final Experiment experiment;
    private final Redactor redactor;
    private final Journal journal;
    private final FaultLedger ledger;
    private final FaultServer server;
    private final boolean replaceProxies;
    private final RunListener listener;
    private final MethodPlan plan;
    private final RecoveryBound bound;
    private final RecoveryPhase recovery;
    private final Judge judge;
    private final Map<String, Proxy> proxies = new HashMap<>();
    private final Map<String, TrafficMeter.Reading> trafficAtPreflight = new HashMap<>();
    private final SessionTimers timers;
    private final Closing closing;
    private final Lookback lookback;
    private final PhaseClock phases;
    private final MethodSteps steps;
    private final BreachNarration narration;
    private final Promise<RunResult> result = Promise.promise();
    private final FaultSteps faults;

    private Context context;
    private Sampling sampling;
    private boolean watchingAborts;
    private boolean ended;
    private boolean conflict;

    RunSession(Vertx vertx, Experiment experiment, ObjectNode experimentCopy, Redactor redactor, String runId,
            Journal journal, FaultLedger ledger, FaultServer server, boolean replaceProxies, RunListener listener) {
        this.vertx = vertx;
        this.experiment = experiment;
        this.redactor = redactor;
        this.journal = journal;
        this.ledger = ledger;
        this.server = server;
        this.replaceProxies = replaceProxies;
        this.listener = listener;
        this.plan = MethodPlan.of(Timeline.of(experiment.method()));
        this.bound = RecoveryBound.of(experiment);
        this.judge = new Judge(Rules.of(experimentCopy), new Judge.Listener() {
            @Override
            public void toleranceChanged(ToleranceChanged change) {
                onToleranceChanged(change);
            }

            @Override
            public void abortTripped(AbortRule rule, double observed, long windowEndT) {
                onAbortTripped(rule, observed);
            }
        });
        this.faults = new FaultSteps(vertx, ledger, this::record, listener, runId, proxies, server.client(),
                new TrafficMeter(server.url()), trafficAtPreflight, this::toxiproxyFailed);
        this.timers = SessionTimers.of(vertx, () -> ended);
        this.phases = new PhaseClock(this::record, journal, listener, timers::now);
        this.steps = new MethodSteps(this::record, listener, faults, () -> ended);
        this.narration = new BreachNarration(listener);
        this.recovery = new RecoveryPhase(judge, bound, phases, timers, this::record, listener);
        this.lookback = new Lookback(vertx, experiment.steadyState().probes(), redactor);
        this.closing = new Closing(vertx, experiment.rollbacks(), redactor, journal, ledger, faults, judge, this::record,
                listener, lookback);
    }

    /** Starts the run; the future completes once everything is undone and the journal has its last line. */
    Future<RunResult> start() {
        context = vertx.getOrCreateContext();
        // A bug in a handler must still end the run with every fault removed, never leave it hanging.
        context.exceptionHandler(e -> {
            if (ended) {
                result.tryFail(e); // failing while ending: the caller's last-resort cleanup takes over
            } else {
                finish(StopReason.internalError(e));
            }
        });
        // The journal cannot be written (disk full, read-only): stop, take every fault off, say so.
        journal.onFailure(f -> finish(StopReason.journalBroken(true)));
        context.runOnContext(v -> {
            if (journal.failure().isPresent()) {
                finish(StopReason.journalBroken(false));
            } else {
                preflight();
            }
        });
        return result.future();
    }

    /** Journals an event and feeds it, with the journal's own {@code t}, to the judge. */
    private void record(JournalEvent event) {
        judge.on(journal.append(event), event);
    }

    // ---- pre-flight and steady state before ------------------------------------------------------

    private void preflight() {
        phases.enter(Phase.PREFLIGHT, 0);
        Preflight preflight = new Preflight(experiment, server, ledger, replaceProxies, journal::append);
        TrafficMeter meter = new TrafficMeter(server.url());
        vertx.executeBlocking(() -> {
            Map<String, Proxy> prepared = preflight.proxies();
            prepared.keySet().forEach(name -> trafficAtPreflight.put(name, meter.read(name)));
            return prepared;
        }, false).compose(prepared -> {
            proxies.putAll(prepared);
            return preflight.probesAnswer(vertx, redactor);
        }).onSuccess(v -> startBefore()).onFailure(e -> {
            conflict = e instanceof PreflightFailure f && f.conflict();
            finish(StopReason.preflightFailed(e));
        });
    }

    private void startBefore() {
        if (ended) {
            return;
        }
        phases.enter(Phase.BEFORE, experiment.steadyState().before().toMillis());
        sampling = new Sampling(vertx, experiment.steadyState().probes(), redactor, this::onSample);
        sampling.start();
        timers.every(listener.statusEveryMs(), () -> listener.status(status()));
        timers.after(experiment.steadyState().before().toMillis(), this::endBefore);
    }

    /** The baseline is judged once every one of its samples is back: no new slot until then. */
    private void endBefore() {
        sampling.pause().onComplete(v -> {
            if (ended) {
                return;
            }
            VerdictPolicy.Decision notSteady = VerdictPolicy.baseline(judge.evidence("before"), judge.rules().baseline());
            if (notSteady != null) {
                finish(StopReason.decided(notSteady));
            } else {
                startMethod();
            }
        });
    }

    // ---- method -----------------------------------------------------------------------------------

    private void startMethod() {
        phases.enter(Phase.METHOD, plan.totalMs());
        sampling.resume();
        watchingAborts = true;
        timers.every(HEARTBEAT_MS, faults::heartbeat);
        steps.schedule(plan, timers, this::methodOver);
    }

    /** Once every fault-step call made has completed, recovery begins. */
    private void methodOver() {
        faults.settled().onComplete(v -> {
            if (!ended) {
                recovery.start(this::startAfter);
            }
        });
    }

    // ---- after ------------------------------------------------------------------------------------

    private void startAfter() {
        timers.cancelAll();
        long after = experiment.steadyState().after().toMillis();
        phases.enter(Phase.AFTER, after);
        watchingAborts = false;
        timers.every(listener.statusEveryMs(), () -> listener.status(status()));
        timers.after(after, () -> sampling.pause().onComplete(v -> conclude()));
    }

    private void conclude() {
        if (ended) {
            return;
        }
        finish(StopReason.decided(VerdictPolicy.completed(judge.evidence(), faults.paths(),
                recovery.recoveredAfterMs(), bound.withinMs(), judge.lastRemovalT() != null, judge.rules().baseline())));
    }

    // ---- samples, tolerances, aborts, heartbeat ---------------------------------------------------

    private void onSample(Sample s) {
        if (context != Vertx.currentContext()) {
            context.runOnContext(v -> onSample(s));
            return;
        }
        // Journaled and judged even while ending: every slot sent yields its sample.
        record(new SampleTaken(s.scheduledAt(), s.probe(), s.ok(), s.latencyMs(), s.status(), s.error(), s.value()));
        lookback.saw(s);
        if (!ended) {
            recovery.sampled();
        }
    }

    private void onToleranceChanged(ToleranceChanged change) {
        journal.append(change);
        if (!ended) {
            narration.changed(change);
        }
    }

    private void onAbortTripped(AbortRule rule, double observed) {
        if (ended || !watchingAborts) {
            return;
        }
        String message = Sentences.abort(rule, observed);
        record(new AbortTripped(rule.name(), rule.probe(), observed, rule.condition().expected(), message));
        listener.event("  ! " + message);
        finish(StopReason.aborted(message));
    }

    /** A request from the run's control file ({@link ControlWatcher}): journaled; an abort is obeyed. */
    void control(JournalEvent request) {
        context.runOnContext(v -> {
            if (phases.phase() == Phase.DONE) {
                return;
            }
            record(request);
            if (request instanceof AbortRequested a && !ended) {
                listener.event("  ! aborted by " + a.by() + " (" + a.via() + ")");
                finish(StopReason.abortedBy(a.by(), a.via()));
            }
        });
    }

    private void toxiproxyFailed(Throwable e) {
        if (journal.failure().isPresent()) {
            // The call was not made: its intent could not be journaled. The journal is what failed.
            finish(StopReason.journalBroken(true));
            return;
        }
        finish(StopReason.toxiproxyFailed(server.url().toString(), e));
    }

    // ---- the end ----------------------------------------------------------------------------------

    /** Ends the run however it ended (first call wins): faults off, proxies gone, rollbacks, verdict. */
    private void finish(StopReason stop) {
        if (context != Vertx.currentContext()) {
            context.runOnContext(v -> finish(stop));
            return;
        }
        if (ended) {
            return;
        }
        ended = true;
        watchingAborts = false;
        timers.cancelAll();
        listener.ending();
        steps.closeOpen();
        phases.enter(Phase.ROLLBACK, 0);
        // Faults first, at once; meanwhile every sample already sent comes back and is journaled.
        Future<Void> drained = sampling == null ? Future.succeededFuture() : sampling.stop();
        closing.close(context, stop, drained, recovery.recoveredAfterMs(), conflict).onSuccess(r -> {
            phases.enter(Phase.DONE, 0);
            closing.endJournal(r);
            result.tryComplete(r);
        }).onFailure(result::tryFail);
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private RunStatus status() {
        return RunStatus.of(phases.phase().key(), phases.leftMs(), steps.open(), judge, watchingAborts);
    }
}
