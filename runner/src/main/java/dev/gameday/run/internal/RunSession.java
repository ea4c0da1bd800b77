package dev.gameday.run.internal;

import dev.gameday.experiment.AbortCondition;
import dev.gameday.experiment.CheckPhase;
import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.Probe;
import dev.gameday.experiment.ProxySpec;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Rollback;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultTypes;
import dev.gameday.hypothesis.AbortWatch;
import dev.gameday.hypothesis.ProbeSampler;
import dev.gameday.hypothesis.Sample;
import dev.gameday.hypothesis.SlidingWindow;
import dev.gameday.hypothesis.ToleranceResult;
import dev.gameday.journal.AbortTripped;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.ProxyCreated;
import dev.gameday.journal.ProxyRemoved;
import dev.gameday.journal.RecoveryMeasured;
import dev.gameday.journal.RunEnded;
import dev.gameday.journal.RunError;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.StepEnded;
import dev.gameday.journal.StepStarted;
import dev.gameday.journal.VerdictReached;
import dev.gameday.journal.VerdictReached.Evidence;
import dev.gameday.journal.VerdictReached.TimeToDetect;
import dev.gameday.rollback.RollbackAction;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * One run on the engine's event loop: pre-flight, steady state before, the method on Vert.x timers,
 * recovery, steady state after, then — however it ended — removal of every fault and created proxy,
 * rollbacks and the verdict. Every blocking Toxiproxy call runs on a worker thread through the
 * {@link FaultLedger}. All fields are confined to the session's event-loop context.
 */
public final class RunSession {
    /** Removal attempts when Toxiproxy misbehaves, and the pause before each retry (≈3 s in all). */
    private static final long[] UNDO_RETRY_DELAYS_MS = {250, 500, 750, 1000};
    private static final long HEARTBEAT_MS = 1000;
    private static final int PREFLIGHT_ATTEMPTS = 3;
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
    private final ToxiproxyClient client;
    private final String toxiproxyUrl;
    private final Progress progress;
    private final Timeline timeline;
    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final Map<String, Proxy> proxies = new HashMap<>();
    private final Map<AbortCondition, AbortWatch> aborts = new LinkedHashMap<>();
    private final List<ProbeSampler> samplers = new ArrayList<>();
    private final Set<Long> timers = new HashSet<>();
    private final Set<String> openSteps = new LinkedHashSet<>();
    private final Map<String, Long> detectedAfter = new HashMap<>();
    private final Promise<RunResult> result = Promise.promise();
    private final FaultSteps faults;

    private Context context;
    private SteadyStateTracker tracker;
    private String phase = "preflight";
    private long phaseEndsAt;
    private boolean watchingAborts;
    private boolean heartbeatInFlight;
    private long removalAt;
    private Long recoveredAfterMs;
    private boolean recoveryOk = true;
    private boolean ended;

    public RunSession(Vertx vertx, Experiment experiment, Redactor redactor, String runId, Journal journal,
            FaultLedger ledger, ToxiproxyClient client, String toxiproxyUrl, java.io.PrintStream out, boolean live) {
        this.vertx = vertx;
        this.experiment = experiment;
        this.redactor = redactor;
        this.runId = runId;
        this.journal = journal;
        this.ledger = ledger;
        this.client = client;
        this.toxiproxyUrl = toxiproxyUrl;
        this.progress = new Progress(out, live);
        this.timeline = Timeline.of(experiment.method());
        experiment.steadyState().probes().forEach(p -> probes.put(p.name(), p));
        experiment.abort().forEach(a -> aborts.put(a, new AbortWatch(a)));
        this.faults = new FaultSteps(vertx, ledger, journal, progress, runId, proxies, this::toxiproxyFailed);
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
        context.runOnContext(v -> preflight());
        return result.future();
    }

    // ---- pre-flight -------------------------------------------------------------------------------

    private void preflight() {
        enterPhase("preflight", 0);
        blocking(this::prepareProxies)
                .compose(created -> {
                    created.forEach(journal::append);
                    return probesAnswer();
                })
                .onSuccess(v -> startBefore())
                .onFailure(e -> finish(Verdict.ERROR, "Pre-flight failed, nothing was injected: " + message(e),
                        "error"));
    }

    /** Finds or creates every proxy of the experiment and checks that every fault's proxy exists. */
    private List<ProxyCreated> prepareProxies() throws Exception {
        Map<String, Proxy> existing = new HashMap<>();
        try {
            client.getProxies().forEach(p -> existing.put(p.getName(), p));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Toxiproxy at " + toxiproxyUrl + " is unreachable (" + message(e) + ")");
        }
        List<ProxyCreated> events = new ArrayList<>();
        for (ProxySpec spec : experiment.proxies()) {
            Proxy found = existing.get(spec.name());
            boolean created = found == null;
            Proxy p = created ? ledger.createProxy(() -> client.createProxy(spec.name(), spec.listen(), spec.upstream()))
                    .orElseThrow(() -> new IllegalStateException("the run was interrupted"))
                    : found;
            proxies.put(spec.name(), p);
            events.add(new ProxyCreated(p.getName(), p.getListen(), p.getUpstream(), created));
        }
        for (Timeline.Entry e : timeline.entries()) {
            if (e.step().fault() != null) {
                String name = e.step().fault().proxy();
                Proxy p = proxies.computeIfAbsent(name, existing::get);
                if (p == null) {
                    throw new IllegalStateException("step " + e.step().name() + ": proxy '" + name
                            + "' is neither in proxies: nor on the Toxiproxy server at " + toxiproxyUrl);
                }
                FaultTypes.require(e.step().fault().toxic());
            }
        }
        return events;
    }

    /** Every probe's target must answer (any answer: its tolerance is for the steady state to judge). */
    private Future<Void> probesAnswer() {
        return Future.all(probes.values().stream().map(p -> answers(p, PREFLIGHT_ATTEMPTS)).toList()).mapEmpty();
    }

    /** Up to {@code attempts} samples, so that a cold first connection does not fail the run. */
    private Future<Void> answers(Probe p, int attempts) {
        return ProbeSampler.sampleOnce(vertx, p, redactor).compose(s -> {
            if (s.answered()) {
                return Future.succeededFuture();
            }
            return attempts > 1 ? answers(p, attempts - 1)
                    : Future.failedFuture("probe " + s.probe() + ": target does not answer (" + s.error() + ")");
        });
    }

    // ---- steady state before ----------------------------------------------------------------------

    private void startBefore() {
        if (ended) {
            return;
        }
        long before = experiment.steadyState().before().toMillis();
        enterPhase("before", before);
        tracker = new SteadyStateTracker(List.copyOf(probes.values()), journal, now());
        for (Probe p : probes.values()) {
            ProbeSampler sampler = new ProbeSampler(vertx, p, redactor, this::onSample);
            samplers.add(sampler);
            sampler.start();
        }
        long tick = Math.min(250, probes.values().stream()
                .mapToLong(p -> p.interval().toMillis()).min().orElse(250));
        periodic(Math.max(20, tick), this::tick);
        periodic(progress.refreshMs(), () -> progress.status(now(), statusLine()));
        timer(before, this::endBefore);
    }

    private void endBefore() {
        tracker.evaluate("before", true);
        Optional<Evidence> failed = tracker.firstFailure(CheckPhase.BEFORE);
        if (failed.isPresent()) {
            Evidence e = failed.get();
            finish(Verdict.INCONCLUSIVE, "Inconclusive: the steady state did not hold before any fault ("
                    + e.probe() + " " + e.tolerance() + " was " + e.observed() + ", expected " + e.expected()
                    + "), so no fault was injected.", "completed");
            return;
        }
        startMethod();
    }

    // ---- method -----------------------------------------------------------------------------------

    private void startMethod() {
        enterPhase("method", timeline.totalMs());
        long start = now();
        aborts.values().forEach(w -> w.reset(start));
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
        journal.append(new StepStarted(name, e.kind(), e.parent()));
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
                journal.append(new StepEnded(name));
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
        removalAt = faults.lastRemovalAt() == null ? now() : faults.lastRemovalAt();
        enterPhase("recovery", Math.max(0, removalAt + cap - now()));
        timer(removalAt + cap - now(), () -> recoveryOver(null));
        checkRecovered();
    }

    private void checkRecovered() {
        List<Probe> relevant = probes.values().stream()
                .filter(p -> SteadyStateTracker.counts(p, CheckPhase.DURING)
                        || SteadyStateTracker.counts(p, CheckPhase.AFTER))
                .toList();
        if (relevant.isEmpty()) {
            relevant = List.copyOf(probes.values());
        }
        if (tracker.holdsSince(removalAt, relevant)) {
            long windowsFrom = relevant.stream()
                    .mapToLong(p -> tracker.slot(p) - p.tolerance().window().toMillis()).max().orElse(removalAt);
            recoveryOver(Math.max(0, windowsFrom - removalAt));
        }
    }

    private void recoveryOver(Long recoveredAfter) {
        if (ended || !phase.equals("recovery")) {
            return;
        }
        Duration within = experiment.recovery() == null ? null : experiment.recovery().within();
        Long withinMs = within == null ? null : within.toMillis();
        recoveredAfterMs = recoveredAfter;
        recoveryOk = recoveredAfter != null && (withinMs == null || recoveredAfter <= withinMs);
        journal.append(new RecoveryMeasured(recoveredAfter, withinMs, recoveryOk));
        progress.event(recoveredAfter == null ? "  steady state did not recover"
                : "  steady state recovered " + seconds(recoveredAfter) + " after the faults were removed");
        cancelTimers();
        startAfter();
    }

    private void startAfter() {
        long after = experiment.steadyState().after().toMillis();
        enterPhase("after", after);
        watchingAborts = false;
        long tick = Math.min(250, probes.values().stream()
                .mapToLong(p -> p.interval().toMillis()).min().orElse(250));
        periodic(Math.max(20, tick), this::tick);
        periodic(progress.refreshMs(), () -> progress.status(now(), statusLine()));
        timer(after, () -> {
            tracker.evaluate("after", true);
            conclude();
        });
    }

    private void conclude() {
        Optional<Evidence> failed = tracker.firstFailure(CheckPhase.DURING)
                .or(() -> tracker.firstFailure(CheckPhase.AFTER));
        if (failed.isPresent()) {
            Evidence e = failed.get();
            finish(Verdict.REFUTED, "The hypothesis was refuted: " + e.probe() + " " + e.tolerance() + " was "
                    + e.observed() + " " + (e.phase().equals("during") ? "during the faults" : "after recovery")
                    + ", expected " + e.expected() + ".", "completed");
        } else if (!recoveryOk) {
            finish(Verdict.REFUTED, "The hypothesis was refuted: the steady state "
                    + (recoveredAfterMs == null ? "did not recover" : "recovered only after " + seconds(recoveredAfterMs))
                    + (experiment.recovery() == null ? "" : ", expected within "
                            + seconds(experiment.recovery().within().toMillis())) + ".", "completed");
        } else {
            finish(Verdict.HELD, "The hypothesis held: every tolerance was met before, during and after the faults"
                    + (recoveredAfterMs == null ? "." : ", and the steady state recovered "
                            + seconds(recoveredAfterMs) + " after they were removed."), "completed");
        }
    }

    // ---- samples, ticks, aborts, heartbeat --------------------------------------------------------

    private void onSample(Sample s) {
        if (context != Vertx.currentContext()) {
            context.runOnContext(v -> onSample(s));
            return;
        }
        if (ended) {
            return;
        }
        journal.append(new SampleTaken(s.scheduledAt(), s.probe(), s.ok(), s.latencyMs(), s.status(), s.error()));
        tracker.add(s);
        Probe probe = probes.get(s.probe());
        if (phase.equals("method") || phase.equals("recovery")) {
            faults.injectedAt().forEach((step, at) -> {
                if (!detectedAfter.containsKey(step) && s.scheduledAt() >= at && SteadyStateTracker.failing(probe, s)) {
                    detectedAfter.put(step, s.scheduledAt() - at);
                }
            });
        }
        if (!watchingAborts) {
            return;
        }
        long now = now();
        for (Map.Entry<AbortCondition, AbortWatch> a : aborts.entrySet()) {
            if (!a.getKey().probe().equals(s.probe())) {
                continue;
            }
            Optional<ToleranceResult> tripped = a.getValue().offer(s, now);
            if (tripped.isPresent()) {
                abortTripped(a.getKey(), tripped.get());
                return;
            }
        }
    }

    private void abortTripped(AbortCondition c, ToleranceResult r) {
        String message = "abort condition " + c.name() + " tripped: " + c.probe() + " " + r.tolerance() + " was "
                + r.observedText() + " (trips at " + r.expected() + " for " + seconds(c.sustained().toMillis()) + ")";
        journal.append(new AbortTripped(c.name(), c.probe(), r.observed(), r.expected(), message));
        progress.event("  ! " + message);
        finish(Verdict.ABORTED, "The run was aborted: " + message + "; every fault was removed at once.", "abort");
    }

    private void tick() {
        if (ended) {
            return;
        }
        tracker.evaluate(phase, false);
        if (phase.equals("recovery")) {
            checkRecovered();
        }
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
        finish(Verdict.ERROR, "Toxiproxy at " + toxiproxyUrl + " failed mid-run: " + message(e), "error");
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
        openSteps.forEach(s -> journal.append(new StepEnded(s)));
        openSteps.clear();
        enterPhase("rollback", 0);
        // Faults first, at once; samples still in flight are not waited for (they are ignored now).
        undo(removalReason, 0)
                .compose(still -> Future.join(samplers.stream().map(ProbeSampler::stop).toList())
                        .transform(v -> rollbacks()).map(still))
                .onComplete(r -> conclude(verdict, summary, r.succeeded() ? r.result() : ledger.inPlace()));
    }

    /** Removes everything left, retrying while Toxiproxy fails; completes with what may remain. */
    private Future<List<InjectedRef>> undo(String reason, int attempt) {
        return blocking(() -> {
            ledger.seal(CALL_IN_FLIGHT_WAIT_MS);
            return ledger.undoAll(CALL_IN_FLIGHT_WAIT_MS);
        }).compose(u -> {
            u.removedFaults().forEach(e -> journal.append(new FaultRemoved(e.step(), e.proxy(), e.toxicName(), reason)));
            u.removedProxies().forEach(p -> journal.append(new ProxyRemoved(p)));
            if (u.stillInjected().isEmpty() && u.errors().isEmpty() || attempt >= UNDO_RETRY_DELAYS_MS.length) {
                return Future.succeededFuture(ledger.inPlace());
            }
            Promise<List<InjectedRef>> retry = Promise.promise();
            vertx.setTimer(UNDO_RETRY_DELAYS_MS[attempt], id -> undo(reason, attempt + 1).onComplete(retry));
            return retry.future();
        });
    }

    private Future<Void> rollbacks() {
        Future<Void> chain = Future.succeededFuture();
        for (Rollback rb : experiment.rollbacks()) {
            chain = chain.compose(v -> RollbackAction.run(vertx, rb, redactor).map(done -> {
                journal.append(done);
                progress.event("  rollback " + done.name() + (done.ok() ? ": ok" : ": failed (" + done.error() + ")"));
                return null;
            }));
        }
        return chain;
    }

    private void conclude(Verdict verdict, String summary, List<InjectedRef> stillInjected) {
        Verdict v = verdict;
        String s = summary;
        List<String> proxiesLeft = ledger.proxiesLeft();
        if (verdict == Verdict.ERROR || !stillInjected.isEmpty() || !proxiesLeft.isEmpty()) {
            String what = (stillInjected.isEmpty() ? "every fault was removed"
                    : "may still be injected: "
                            + String.join(", ", stillInjected.stream().map(FaultLedger::describe).toList()))
                    + (proxiesLeft.isEmpty() ? "" : "; proxies created by the run and not deleted: "
                            + String.join(", ", proxiesLeft));
            journal.append(new RunError(summary + " (" + what + ")", stillInjected));
            if (verdict != Verdict.ERROR) {
                v = Verdict.ERROR;
                s = "Faults could not be removed; " + what + ".";
            } else {
                s = summary + " (" + what + ")";
            }
        }
        List<Evidence> evidence = tracker == null ? List.of() : tracker.evidence();
        List<TimeToDetect> ttd = faults.injectedAt().keySet().stream()
                .map(step -> new TimeToDetect(step, detectedAfter.get(step)))
                .toList();
        journal.append(new VerdictReached(v.key(), s, evidence, ttd, recoveredAfterMs));
        enterPhase("done", 0);
        journal.append(new RunEnded(v.exitCode().code(), v.key()));
        journal.sync();
        result.tryComplete(new RunResult(v, v.exitCode().code(), s, evidence, ttd, recoveredAfterMs, null));
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private void enterPhase(String name, long durationMs) {
        phase = name;
        phaseEndsAt = now() + durationMs;
        journal.append(new PhaseStarted(name));
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
            SlidingWindow w = tracker.window(p);
            if (w.count() > 0) {
                b.append(String.format(Locale.ROOT, " · %s ok %.1f%% p95 %.0fms", p.name(), 100 * w.successRatio(),
                        w.percentileMs(95)));
            }
        }
        for (AbortCondition c : aborts.keySet()) {
            b.append(" · abort ").append(c.name()).append(watchingAborts ? " armed" : " idle");
            Probe p = probes.get(c.probe());
            SlidingWindow w = p == null ? null : tracker.window(p);
            if (w != null && w.count() > 0) {
                boolean ratio = c.metric().equals("successRatio");
                b.append(ratio ? String.format(Locale.ROOT, " (%s %.1f%%, trips %s %.1f%%)", c.metric(),
                        100 * w.successRatio(), c.op().symbol(), 100 * c.threshold())
                        : String.format(Locale.ROOT, " (%s %.0fms, trips %s %.0fms)", c.metric(),
                                w.percentileMs(Double.parseDouble(c.metric().substring(1))), c.op().symbol(),
                                c.threshold()));
            }
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
