package dev.gameday.run;

import dev.gameday.text.Failures;

/**
 * Why a run stops, as what it tells: the verdict it stops with, the summary, and the reason its faults'
 * removal is journaled with ({@code completed}, {@code abort} or {@code error}). What stays of it once
 * everything is undone is the {@link Ending}'s to say.
 */
record StopReason(Verdict verdict, String summary, String removalReason) {

    /** The run went to its end (or its baseline did not hold): the verdict policy's decision. */
    static StopReason decided(VerdictPolicy.Decision decision) {
        return new StopReason(decision.verdict(), decision.summary(), "completed");
    }

    /** A bug in a handler: the run still ends with every fault removed, never hangs. */
    static StopReason internalError(Throwable e) {
        return new StopReason(Verdict.ERROR, "Internal error: " + e, "error");
    }

    /** The journal cannot be written (disk full, read-only), before the run started or during it. */
    static StopReason journalBroken(boolean started) {
        return new StopReason(Verdict.ERROR, started ? "The run stopped: its journal could not be written"
                : "The run could not start: its journal could not be written", "error");
    }

    static StopReason preflightFailed(Throwable e) {
        return new StopReason(Verdict.ERROR, "Pre-flight failed, nothing was injected: " + message(e), "error");
    }

    /** An abort rule tripped; {@code sentence} says which and on what. */
    static StopReason aborted(String sentence) {
        return new StopReason(Verdict.ABORTED, "The run was aborted: " + sentence + "; every fault was removed at once.",
                "abort");
    }

    /** Somebody aborted the run ({@code via}: the room, the control file). */
    static StopReason abortedBy(String by, String via) {
        return new StopReason(Verdict.ABORTED, "The run was aborted by " + by + " (" + via
                + "); every fault was removed at once.", "abort");
    }

    static StopReason toxiproxyFailed(String url, Throwable e) {
        return new StopReason(Verdict.ERROR, "Toxiproxy at " + url + " failed mid-run: " + message(e), "error");
    }

    /** The first message down the causes: what went wrong in the words of whoever noticed. */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return Failures.message(root);
    }
}
