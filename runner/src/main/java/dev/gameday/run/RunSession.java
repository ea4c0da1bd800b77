package dev.gameday.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Rollback;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultServer;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.journal.AbortTripped;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.PathChecked;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.RecoveryMeasured;
import dev.gameday.journal.RunEnded;
import dev.gameday.journal.RunError;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.StepEnded;
import dev.gameday.journal.StepStarted;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.journal.VerdictReached;
import dev.gameday.judge.AbortRule;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.judge.SampleWindow;
import dev.gameday.judge.Sentences;
import dev.gameday.text.Units;
import dev.gameday.preflight.Preflight;
import dev.gameday.preflight.PreflightFailure;
import dev.gameday.rollback.RollbackAction;
import dev.gameday.rollback.Teardown;
import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * One run on the engine's event loop: pre-flight, steady state before, the method on Vert.x timers,
 * recovery, steady state after, then — however it ended — removal of every fault and created proxy,
 * rollbacks and the verdict. Every event goes through {@link #record}: into the journal and, with the
 * very {@code t} the journal gave it, into the {@link Judge} — the one judgement every report
 * recomputes from the journal. Sampling pauses between before and the method, so the baseline is
 * judged on every one of its samples before any fault; at the end (abort included) every slot sent is
 * waited for and journaled. Every blocking Toxiproxy call runs on a worker thread through the
 * {@link FaultLedger}. All fields are confined to the session's event-loop context.
 */
final class RunSession {
    /** Removal attempts when Toxiproxy misbehaves, and the pause before each retry (≈3 s in all). */
    private static final long[] UNDO_RETRY_DELAYS_MS = {250, 500, 750, 1000};
    private static final long HEARTBEAT_MS = 1000;
    /** How long undoing waits for a Toxiproxy call in flight before going on regardless. */
    private static final long CALL_IN_FLIGHT_WAIT_MS = 2000;
    /** Cap of the recovery phase when the experiment gives no {@code recovery.within}. */
    private static final Duration DEFAULT_RECOVERY_CAP = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Experiment experiment;
    private final Redactor redactor;
    private final String runId;
    private final Journal journal;
    private final FaultLedger ledger;
    private final FaultServer server;
    private final ToxiproxyClient client;
    private final boolean replaceProxies;
    private final Progress progress;
    private final Timeline timeline;
    private final Judge judge;
    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final Map<String, Proxy> proxies = new HashMap<>();
    private final Map<String, TrafficMeter.Reading> trafficAtPreflight = new HashMap<>();
    private final List<ProbeSampler> samplers = new ArrayList<>();
    private final Set<Long> timers = new HashSet<>();
    private final Set<String> openSteps = new LinkedHashSet<>();
    /** Tolerances that stopped holding and have not held since, to say when they hold again. */
    private final Set<String> breached = new HashSet<>();
    private final Promise<RunResult> result = Promise.promise();
    private final FaultSteps faults;

    private Context context;
    private String phase = "preflight";
    private long phaseEndsAt;
    private boolean watchingAborts;
    private boolean heartbeatInFlight;
    private Long recoveredAfterMs;
    private boolean ended;
    private boolean conflict;

    public RunSession(Vertx vertx, Experiment experiment, ObjectNode experimentCopy, Redactor redactor, String runId,
            Journal journal, FaultLedger ledger, FaultServer server, boolean replaceProxies, java.io.PrintStream out,
            boolean live) {
        this.vertx = vertx;
        this.experiment = experiment;
        this.redactor = redactor;
        this.runId = runId;
        this.journal = journal;
        this.ledger = ledger;
        this.server = server;
        this.client = server.client();
        this.replaceProxies = replaceProxies;
        this.progress = new Progress(out, live);
        this.timeline = Timeline.of(experiment.method());
        experiment.steadyState().probes().forEach(p -> probes.put(p.name(), p));
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
        this.faults = new FaultSteps(vertx, ledger, this::record, progress, runId, proxies, client,
                new TrafficMeter(server.url()), trafficAtPreflight, this::toxiproxyFailed);
    }

    /** Starts the run; the future completes once everything is undone and the journal has its last line. */
    public Future<RunResult> start() {
        context = vertx.getOrCreateContext();
        // A bug in a handler must still end the run with every fault removed, never leave it hanging.
        context.exceptionHandler(e -> {
            if (ended) {
                result.tryFail(e); // failing while ending: the caller's last-resort cleanup takes over
            } else {
                finish(Verdict.ERROR, "Internal error: " + e, "error");
            }
        });
        // The journal cannot be written (disk full, read-only): stop, take every fault off, say so.
        journal.onFailure(f -> finish(Verdict.ERROR, "The run stopped: its journal could not be written", "error"));
        context.runOnContext(v -> {
            if (journal.failure().isPresent()) {
                finish(Verdict.ERROR, "The run could not start: its journal could not be written", "error");
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

    // ---- pre-flight -------------------------------------------------------------------------------

    private void preflight() {
        enterPhase("preflight", 0);
        Preflight preflight = new Preflight(experiment, server, ledger, replaceProxies, journal::append);
        TrafficMeter meter = new TrafficMeter(server.url());
        blocking(() -> {
            Map<String, Proxy> prepared = preflight.proxies();
            prepared.keySet().forEach(name -> trafficAtPreflight.put(name, meter.read(name)));
            return prepared;
        }).compose(prepared -> {
            proxies.putAll(prepared);
            return preflight.probesAnswer(vertx, redactor);
        }).onSuccess(v -> startBefore()).onFailure(e -> {
            conflict = e instanceof PreflightFailure f && f.conflict();
            finish(Verdict.ERROR, "Pre-flight failed, nothing was injected: " + message(e), "error");
        });
    }

    // ---- steady state before ----------------------------------------------------------------------

    private void startBefore() {
        if (ended) {
            return;
        }
        enterPhase("before", experiment.steadyState().before().toMillis());
        for (Probe p : probes.values()) {
            ProbeSampler sampler = new ProbeSampler(vertx, p, redactor, this::onSample);
            samplers.add(sampler);
            sampler.start();
        }
        periodic(progress.refreshMs(), () -> progress.status(now(), statusLine()));
        timer(experiment.steadyState().before().toMillis(), this::endBefore);
    }

    /** The baseline is judged once every one of its samples is back: no new slot until then. */
    private void endBefore() {
        pauseSampling().onComplete(v -> {
            if (ended) {
                return;
            }
            VerdictPolicy.Decision notSteady = VerdictPolicy.baseline(judge.evidence("before"), judge.rules().baseline());
            if (notSteady != null) {
                finish(notSteady.verdict(), notSteady.summary(), "completed");
            } else {
                startMethod();
            }
        });
    }

    private Future<Void> pauseSampling() {
        return Future.join(samplers.stream().map(ProbeSampler::pause).toList()).mapEmpty();
    }

    // ---- method -----------------------------------------------------------------------------------

    private void startMethod() {
        enterPhase("method", timeline.totalMs());
        samplers.forEach(ProbeSampler::resume);
        long start = now();
        watchingAborts = true;
        periodic(HEARTBEAT_MS, this::heartbeat);
        TreeMap<Long, List<Runnable>> starts = new TreeMap<>();
        TreeMap<Long, List<Runnable>> ends = new TreeMap<>();
        for (Timeline.Entry e : timeline.entries()) {
            starts.computeIfAbsent(e.startMs(), k -> new ArrayList<>()).add(() -> stepStarted(e));
            // Children end before their parallel block: insert each end action first.
            ends.computeIfAbsent(e.endMs(), k -> new ArrayList<>()).add(0, () -> stepEnded(e));
            Ramp ramp = e.step().fault() == null ? null : e.step().fault().ramp();
            if (ramp != null) {
                long every = Math.max(1, ramp.every().toMillis());
                long over = ramp.over() == null ? e.durationMs() : ramp.over().toMillis();
                for (long at = every; at < e.durationMs() && at - every < over; at += every) {
                    long value = rampValue(ramp, at);
                    starts.computeIfAbsent(e.startMs() + at, k -> new ArrayList<>())
                            .add(() -> faults.ramp(e.step().name(), e.step().fault(), value));
                }
            }
        }
        Set<Long> offsets = new java.util.TreeSet<>(starts.keySet());
        offsets.addAll(ends.keySet());
        for (long offset : offsets) {
            timer(start + offset - now(), () -> {
                ends.getOrDefault(offset, List.of()).forEach(Runnable::run);
                starts.getOrDefault(offset, List.of()).forEach(Runnable::run);
            });
        }
        timer(start + timeline.totalMs() - now(), () -> faults.settled()
                .onComplete(v -> {
                    if (!ended) {
                        startRecovery();
                    }
                }));
    }

    private void stepStarted(Timeline.Entry e) {
        String name = e.step().name();
        record(new StepStarted(name, e.kind(), e.parent()));
        openSteps.add(name);
        progress.event(String.format(Locale.ROOT, "  step %s (%s, %s)", name, e.kind(), seconds(e.durationMs())));
        if (e.step().fault() != null) {
            faults.inject(name, e.step().fault());
        }
    }

    private void stepEnded(Timeline.Entry e) {
        if (ended) {
            return;
        }
        String name = e.step().name();
        Future<Void> done = e.step().fault() != null ? faults.remove(name) : faults.settled();
        done.onComplete(v -> {
            if (!ended && openSteps.remove(name)) {
                record(new StepEnded(name));
            }
        });
    }

    private static long rampValue(Ramp ramp, long atMs) {
        long over = ramp.over() == null ? 0 : ramp.over().toMillis();
        double progress = Math.min(1.0, (double) atMs / Math.max(1, over));
        return Math.round(ramp.from() + (ramp.to() - ramp.from()) * progress);
    }

    // ---- recovery and after -----------------------------------------------------------------------

    private void startRecovery() {
        Duration within = experiment.recovery() == null ? null : experiment.recovery().within();
        long maxWindow = probes.values().stream().mapToLong(p -> p.tolerance().window().toMillis()).max().orElse(0);
        long cap = within == null ? DEFAULT_RECOVERY_CAP.toMillis() : within.toMillis() + maxWindow;
        Long removal = judge.lastRemovalT();
        long from = removal == null ? now() : removal;
        enterPhase("recovery", Math.max(0, from + cap - now()));
        timer(from + cap - now(), () -> recoveryOver(null));
        if (removal == null) {
            recoveryOver(null); // no fault went in: nothing to recover from
        } else {
            checkRecovered();
        }
    }

    private void checkRecovered() {
        Long after = judge.recoveredAfterMs();
        if (after != null) {
            recoveryOver(after);
        }
    }

    private void recoveryOver(Long recoveredAfter) {
        if (ended || !phase.equals("recovery")) {
            return;
        }
        Long withinMs = experiment.recovery() == null ? null : experiment.recovery().within().toMillis();
        recoveredAfterMs = recoveredAfter;
        boolean removed = judge.lastRemovalT() != null;
        boolean ok = !removed || recoveredAfter != null && (withinMs == null || recoveredAfter <= withinMs);
        if (removed) {
            record(new RecoveryMeasured(recoveredAfter, withinMs, ok));
            progress.event(recoveredAfter == null ? "  steady state did not recover"
                    : "  steady state recovered " + seconds(recoveredAfter) + " after the faults were removed");
        }
        cancelTimers();
        startAfter();
    }

    private void startAfter() {
        long after = experiment.steadyState().after().toMillis();
        enterPhase("after", after);
        watchingAborts = false;
        periodic(progress.refreshMs(), () -> progress.status(now(), statusLine()));
        timer(after, () -> pauseSampling().onComplete(v -> conclude()));
    }

    private void conclude() {
        if (ended) {
            return;
        }
        Long withinMs = experiment.recovery() == null ? null : experiment.recovery().within().toMillis();
        VerdictPolicy.Decision d = VerdictPolicy.completed(judge.evidence(), faults.paths(), recoveredAfterMs, withinMs,
                judge.lastRemovalT() != null, judge.rules().baseline());
        finish(d.verdict(), d.summary(), "completed");
    }

    // ---- samples, tolerances, aborts, heartbeat ---------------------------------------------------

    private void onSample(Sample s) {
        if (context != Vertx.currentContext()) {
            context.runOnContext(v -> onSample(s));
            return;
        }
        // Journaled and judged even while ending: every slot sent yields its sample.
        record(new SampleTaken(s.scheduledAt(), s.probe(), s.ok(), s.latencyMs(), s.status(), s.error()));
        if (!ended && phase.equals("recovery")) {
            checkRecovered();
        }
    }

    private void onToleranceChanged(ToleranceChanged change) {
        journal.append(change);
        if (ended) {
            return;
        }
        if (!change.holds()) {
            progress.event("  ! " + change.probe() + " " + change.tolerance() + " " + change.observedText()
                    + " over its window, outside " + change.expected() + " (" + change.phase() + ")");
        } else if (breached.remove(change.probe() + " " + change.tolerance())) {
            progress.event("  " + change.probe() + " " + change.tolerance() + " holds again (" + change.observedText()
                    + ", " + change.expected() + ")");
        }
        if (!change.holds()) {
            breached.add(change.probe() + " " + change.tolerance());
        }
    }

    private void onAbortTripped(AbortRule rule, double observed) {
        if (ended || !watchingAborts) {
            return;
        }
        String message = Sentences.abort(rule, observed);
        record(new AbortTripped(rule.name(), rule.probe(), observed, rule.condition().expected(), message));
        progress.event("  ! " + message);
        finish(Verdict.ABORTED, "The run was aborted: " + message + "; every fault was removed at once.", "abort");
    }

    private void heartbeat() {
        if (heartbeatInFlight || ended) {
            return;
        }
        heartbeatInFlight = true;
        blocking(client::getProxies).onComplete(r -> {
            heartbeatInFlight = false;
            if (r.failed()) {
                toxiproxyFailed(r.cause());
            }
        });
    }

    private void toxiproxyFailed(Throwable e) {
        if (journal.failure().isPresent()) {
            // The call was not made: its intent could not be journaled. The journal is what failed.
            finish(Verdict.ERROR, "The run stopped: its journal could not be written", "error");
            return;
        }
        finish(Verdict.ERROR, "Toxiproxy at " + server.url() + " failed mid-run: " + message(e), "error");
    }

    // ---- the end: undo, rollbacks, verdict --------------------------------------------------------

    /** Ends the run however it ended (first call wins): faults off, proxies gone, rollbacks, verdict. */
    private void finish(Verdict verdict, String summary, String removalReason) {
        if (context != Vertx.currentContext()) {
            context.runOnContext(v -> finish(verdict, summary, removalReason));
            return;
        }
        if (ended) {
            return;
        }
        ended = true;
        watchingAborts = false;
        cancelTimers();
        progress.clearStatus();
        openSteps.forEach(s -> record(new StepEnded(s)));
        openSteps.clear();
        enterPhase("rollback", 0);
        // Faults first, at once; meanwhile every sample already sent comes back and is journaled.
        Future<Void> drained = Future.join(samplers.stream().map(ProbeSampler::stop).toList()).mapEmpty();
        undo(removalReason)
                .compose(still -> drained.transform(v -> rollbacks()).map(still))
                .onComplete(r -> conclude(verdict, summary, r.succeeded() ? r.result() : ledger.inPlace()));
    }

    /**
     * Removes everything left, retrying while Toxiproxy fails; completes with what may remain. Each
     * attempt's removals (and the fault paths read right after them) are journaled, and judged, on the
     * session's context before the next attempt's.
     */
    private Future<List<InjectedRef>> undo(String reason) {
        Teardown teardown = new Teardown(ledger, CALL_IN_FLIGHT_WAIT_MS, UNDO_RETRY_DELAYS_MS);
        return blocking(() -> teardown.run(undo -> {
            List<PathChecked> paths = faults.pathsOfUndone(undo.removedFaults());
            context.runOnContext(v -> {
                faults.pathsChecked(paths);
                undo.events(reason).forEach(this::record);
            });
        }).stillInjected());
    }

    private Future<Void> rollbacks() {
        Future<Void> chain = Future.succeededFuture();
        for (Rollback rb : experiment.rollbacks()) {
            chain = chain.compose(v -> RollbackAction.run(vertx, rb, redactor).map(done -> {
                record(done);
                progress.event("  rollback " + done.name() + (done.ok() ? ": ok" : ": failed (" + done.error() + ")"));
                return null;
            }));
        }
        return chain;
    }

    private void conclude(Verdict verdict, String summary, List<InjectedRef> stillInjected) {
        Verdict v = verdict;
        String s = summary;
        String left = leftBehind(stillInjected);
        if (verdict == Verdict.ERROR || !left.isEmpty()) {
            String what = !left.isEmpty() ? left + "; the journal stays open: `gameday recover "
                    + journal.file().getParent() + "` removes what is left and closes it once Toxiproxy answers"
                    : ledger.injectionTried() ? "every fault was removed" : "";
            String full = what.isEmpty() ? summary : summary + " (" + what + ")";
            record(new RunError(full, stillInjected));
            if (verdict != Verdict.ERROR) {
                v = Verdict.ERROR;
                s = "Faults could not be removed; " + what + ".";
            } else {
                s = full;
            }
        }
        Journal.Failure broken = journal.failure().orElse(null);
        if (broken != null) {
            v = Verdict.ERROR;
            s = "The journal " + journal.file() + " could not be written (" + broken.reason() + "), so the run stopped"
                    + (left.isEmpty() ? " and removed every fault" : "") + ". The journal ends after line "
                    + broken.linesWritten() + "; the rest of this run is only in this output. Verdict so far: "
                    + s + (s.endsWith(".") ? "" : ".") + " Once the journal can be written, `gameday recover "
                    + journal.file().getParent() + "` completes it.";
        }
        List<Evidence> evidence = judge.evidence();
        List<String> caveats = VerdictPolicy.caveats(faults.paths(), judge.rules().baseline());
        record(new VerdictReached(v.key(), s, evidence, judge.detections(), recoveredAfterMs, caveats));
        enterPhase("done", 0);
        if (left.isEmpty() && ledger.empty()) {
            // The last line, only once nothing of the run can remain: otherwise `recover` closes the journal.
            record(new RunEnded(v.key()));
        }
        journal.sync();
        result.tryComplete(new RunResult(v, v == Verdict.ERROR && conflict, s, evidence, judge.detections(), recoveredAfterMs, caveats, null));
    }

    /** What the run may have left on Toxiproxy, in words; empty when nothing. */
    private String leftBehind(List<InjectedRef> stillInjected) {
        List<String> parts = new ArrayList<>();
        if (!stillInjected.isEmpty()) {
            parts.add("may still be injected: " + String.join(", ",
                    stillInjected.stream().map(FaultLedger::describe).toList()));
        }
        if (!ledger.proxiesLeft().isEmpty()) {
            parts.add("proxies created by the run and not deleted: " + String.join(", ", ledger.proxiesLeft()));
        }
        if (!ledger.originalsLeft().isEmpty()) {
            parts.add("replaced proxies not put back: " + String.join(", ", ledger.originalsLeft()));
        }
        if (!ledger.leasesLeft().isEmpty()) {
            parts.add("leases not released on proxies: " + String.join(", ", ledger.leasesLeft()));
        }
        return String.join("; ", parts);
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private void enterPhase(String name, long durationMs) {
        phase = name;
        phaseEndsAt = now() + durationMs;
        record(new PhaseStarted(name));
        journal.sync();
        if (!name.equals("done")) {
            progress.event("[" + name + "]" + (durationMs > 0 ? " " + seconds(durationMs) : ""));
        }
    }

    private String statusLine() {
        StringBuilder b = new StringBuilder(phase);
        long left = Math.max(0, phaseEndsAt - now());
        b.append(' ').append(seconds(left)).append(" left");
        if (!openSteps.isEmpty()) {
            b.append(" · step ").append(String.join("+", openSteps));
        }
        for (Probe p : probes.values()) {
            SampleWindow w = judge.window(p.name());
            if (w != null && w.count() > 0) {
                b.append(" · ").append(p.name()).append(" success ").append(Units.percent(w.successRatio()))
                        .append(" p95 ").append(Units.latency(w.percentileMs(95)));
            }
        }
        for (AbortRule a : judge.rules().aborts()) {
            b.append(" · abort ").append(a.name()).append(watchingAborts ? " armed" : " idle")
                    .append(" (trips at ").append(a.condition().metric().name()).append(' ')
                    .append(a.condition().expected()).append(" for ").append(Units.duration(a.sustainedMs())).append(')');
        }
        return b.toString();
    }

    private <T> Future<T> blocking(Callable<T> call) {
        return vertx.executeBlocking(call, false);
    }

    private void timer(long delayMs, Runnable action) {
        long[] id = new long[1];
        id[0] = vertx.setTimer(Math.max(1, delayMs), t -> {
            timers.remove(id[0]);
            if (!ended) {
                action.run();
            }
        });
        timers.add(id[0]);
    }

    private void periodic(long everyMs, Runnable action) {
        timers.add(vertx.setPeriodic(everyMs, t -> {
            if (!ended) {
                action.run();
            }
        }));
    }

    private void cancelTimers() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
