package dev.gameday.run;

import dev.gameday.fault.FaultLedger;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.RunError;
import dev.gameday.journal.RunInterrupted;
import dev.gameday.recover.RunLock;
import dev.gameday.rollback.Teardown;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM shutdown hook of a run (Ctrl-C, SIGTERM). It runs on its own thread and uses only the
 * ledger's blocking Toxiproxy client, so faults come off even when the engine's event loop is stuck:
 * seal the ledger, undo everything (one retry), record it with reason {@code signal}, and close the
 * journal with run.interrupted — only once nothing of the run can remain: otherwise the journal stays
 * open (an {@code error} event says what may remain) for {@code gameday recover} to finish.
 */
final class ShutdownGuard {
    private static final long WAIT_FOR_CALL_IN_FLIGHT_MS = 1000;

    private final Journal journal;
    private final FaultLedger ledger;
    private final Path runDir;
    private final PrintStream err;
    private final Thread hook;
    private volatile boolean released;

    public ShutdownGuard(Journal journal, FaultLedger ledger, Path runDir, PrintStream err) {
        this.journal = journal;
        this.ledger = ledger;
        this.runDir = runDir;
        this.err = err;
        this.hook = new Thread(this::onShutdown, "gameday-shutdown");
    }

    public void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run finished on its own: the hook has nothing left to do. */
    public void release() {
        released = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running or done; `released` makes it a no-op.
        }
    }

    private void onShutdown() {
        if (released) {
            return;
        }
        List<InjectedRef> removed = new ArrayList<>();
        Teardown.Result left = new Teardown(ledger, WAIT_FOR_CALL_IN_FLIGHT_MS, 0).run(undo -> {
            undo.events("signal").forEach(journal::append);
            undo.removedFaults().forEach(e -> removed.add(e.ref()));
        });
        if (!left.clean()) {
            journal.append(new RunError("interrupted by a signal; cleanup failed: " + String.join("; ", left.errors()),
                    left.stillInjected()));
            err.println("gameday: interrupted; could not remove everything (" + String.join("; ", left.errors())
                    + "); the journal stays open: `gameday recover " + runDir + "` finishes the cleanup once "
                    + "Toxiproxy answers");
        } else {
            journal.closeWith(new RunInterrupted("interrupted by a signal (Ctrl-C or SIGTERM)", removed));
            err.println("gameday: interrupted; removed " + removed.size() + " fault(s) and everything else the run "
                    + "set up on Toxiproxy; run folder: " + runDir);
        }
        journal.close();
        RunLock.deleteQuietly(runDir);
        ReportsAfterRun.render(runDir, err);
    }
}
