package dev.gameday.rollback;

import dev.gameday.fault.FaultLedger;
import dev.gameday.journal.InjectedRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes away everything a run put on Toxiproxy — its faults first, then the proxies it created, the
 * originals of those it replaced, its leases ({@link FaultLedger#undoAll}) — retrying while Toxiproxy
 * fails, and hands each attempt to the caller to journal before the next one starts. The one teardown
 * of a run: the session when the run ends however it ends, the shutdown hook on Ctrl-C or SIGTERM, the
 * engine's last resort, and {@code gameday recover} over a ledger rebuilt from the journal.
 *
 * <p>Blocking: call it on a thread that may wait (a worker, the shutdown hook), never on an event loop.
 */
public final class Teardown {
    /** Gets each attempt's undo, to journal; runs on the tearing-down thread. */
    @FunctionalInterface
    public interface Attempts {
        void done(FaultLedger.Undo undo);
    }

    /** What may still be in place after the last attempt, and why (empty lists: everything is gone). */
    public record Result(List<InjectedRef> stillInjected, List<String> errors, List<String> leftAlone) {
        public boolean clean() {
            return stillInjected.isEmpty() && errors.isEmpty();
        }
    }

    private final FaultLedger ledger;
    private final long callInFlightWaitMs;
    private final long[] retryDelaysMs;

    /**
     * @param callInFlightWaitMs how long to wait for a Toxiproxy call in flight before going on
     *                           regardless (a stuck call must not keep the rest in place)
     * @param retryDelaysMs      the pause before each retry; none: one attempt
     */
    public Teardown(FaultLedger ledger, long callInFlightWaitMs, long... retryDelaysMs) {
        this.ledger = ledger;
        this.callInFlightWaitMs = callInFlightWaitMs;
        this.retryDelaysMs = retryDelaysMs.clone();
    }

    /** Seals the ledger (no change starts after this), then undoes until nothing is left or retries run out. */
    public Result run(Attempts attempts) {
        ledger.seal(callInFlightWaitMs);
        List<String> leftAlone = new ArrayList<>();
        FaultLedger.Undo undo = ledger.undoAll(callInFlightWaitMs);
        for (int i = 0; ; i++) {
            attempts.done(undo);
            leftAlone.addAll(undo.leftAlone());
            if (ledger.empty() || i >= retryDelaysMs.length) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(retryDelaysMs[i]));
            undo = ledger.undoAll(callInFlightWaitMs);
        }
        return new Result(ledger.inPlace(), ledger.empty() ? List.of() : undo.errors(), leftAlone);
    }
}
