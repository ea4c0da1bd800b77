package dev.gameday.run;

import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.Rollback;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.hypothesis.Lookback;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.PathChecked;
import dev.gameday.journal.RunEnded;
import dev.gameday.journal.VerdictReached;
import dev.gameday.judge.Judge;
import dev.gameday.rollback.RollbackAction;
import dev.gameday.rollback.Teardown;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The end of a run, however it ended: the {@link Teardown} of everything it put on Toxiproxy (while
 * every sample already sent comes back), the rollbacks, the {@link Lookback} at what the probes'
 * targets recorded over the run, then the {@link Ending} — the verdict, and the
 * journal's last line once nothing of the run can remain. Runs on the session's context.
 */
final class Closing {
    /** The pause before each retry of the teardown when Toxiproxy misbehaves (≈3 s in all). */
    private static final long[] UNDO_RETRY_DELAYS_MS = {250, 500, 750, 1000};
    /** How long undoing waits for a Toxiproxy call in flight before going on regardless. */
    private static final long CALL_IN_FLIGHT_WAIT_MS = 2000;

    private final Vertx vertx;
    private final List<Rollback> rollbacks;
    private final Redactor redactor;
    private final Journal journal;
    private final FaultLedger ledger;
    private final FaultSteps faults;
    private final Judge judge;
    private final Consumer<JournalEvent> record;
    private final RunListener listener;
    private final Lookback lookback;

    Closing(Vertx vertx, List<Rollback> rollbacks, Redactor redactor, Journal journal, FaultLedger ledger,
            FaultSteps faults, Judge judge, Consumer<JournalEvent> record, RunListener listener, Lookback lookback) {
        this.vertx = vertx;
        this.rollbacks = rollbacks;
        this.redactor = redactor;
        this.journal = journal;
        this.ledger = ledger;
        this.faults = faults;
        this.judge = judge;
        this.record = record;
        this.listener = listener;
        this.lookback = lookback;
    }

    /**
     * Tears down (faults removed for the stop's reason), waits for {@code drained} (the samples in
     * flight), rolls back, and reaches the verdict: the stop's unless something remains or the journal broke.
     */
    Future<RunResult> close(Context context, StopReason stop, Future<Void> drained, Long recoveredAfterMs,
            boolean conflict) {
        return undo(context, stop.removalReason())
                .compose(still -> drained.transform(v -> rollbacks())
                        .transform(v -> lookback.histories().onSuccess(h -> h.forEach(record))).map(still))
                .transform(r -> Future.succeededFuture(conclude(stop.verdict(), stop.summary(),
                        r.succeeded() ? r.result() : ledger.inPlace(), recoveredAfterMs, conflict)));
    }

    /**
     * Removes everything left, retrying while Toxiproxy fails; completes with what may remain. The
     * faults' traffic is read first (the teardown deletes the proxies the run created, and their
     * counters with them); each attempt's removals and the paths of the faults it took off are
     * journaled, and judged, on the session's context before the next attempt's.
     */
    private Future<List<InjectedRef>> undo(Context context, String reason) {
        Teardown teardown = new Teardown(ledger, CALL_IN_FLIGHT_WAIT_MS, UNDO_RETRY_DELAYS_MS);
        return vertx.executeBlocking(() -> {
            Map<String, TrafficMeter.Reading> atTeardown = faults.readingsBeforeTeardown();
            return teardown.run(undo -> {
                List<PathChecked> paths = faults.pathsOfUndone(undo.removedFaults(), atTeardown);
                context.runOnContext(v -> {
                    faults.pathsChecked(paths);
                    undo.events(reason).forEach(record);
                });
            }).stillInjected();
        }, false);
    }

    private Future<Void> rollbacks() {
        Future<Void> chain = Future.succeededFuture();
        for (Rollback rb : rollbacks) {
            chain = chain.compose(v -> RollbackAction.run(vertx, rb, redactor).map(done -> {
                record.accept(done);
                listener.event("  rollback " + done.name() + (done.ok() ? ": ok" : ": failed (" + done.error() + ")"));
                return null;
            }));
        }
        return chain;
    }

    private RunResult conclude(Verdict verdict, String summary, List<InjectedRef> stillInjected, Long recoveredAfterMs,
            boolean conflict) {
        Ending end = Ending.of(verdict, summary, stillInjected, ledger, journal.file(), journal.failure().orElse(null));
        if (end.error() != null) {
            record.accept(end.error());
        }
        List<Evidence> evidence = judge.evidence();
        List<String> caveats = VerdictPolicy.caveats(faults.paths(), judge.rules().baseline());
        record.accept(new VerdictReached(end.verdict().key(), end.summary(), evidence, judge.detections(),
                recoveredAfterMs, caveats));
        return new RunResult(end.verdict(), end.verdict() == Verdict.ERROR && conflict, end.summary(), evidence,
                judge.detections(), recoveredAfterMs, caveats, null);
    }

    /** The journal's last line, once nothing of the run can remain: otherwise `recover` closes the journal. */
    void endJournal(RunResult r) {
        if (ledger.empty()) {
            record.accept(new RunEnded(r.verdict().key()));
        }
        journal.sync();
    }
}
