package dev.gameday.run;

import dev.gameday.fault.FaultLedger;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.RunError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run ends once everything was undone that could be: the verdict it reached stands unless
 * something of the run may remain on Toxiproxy (then ERROR, with what remains and how to finish) or
 * its journal broke (then ERROR, with where the journal ends). {@code error} is the event to journal
 * (null when none).
 */
record Ending(Verdict verdict, String summary, RunError error) {

    static Ending of(Verdict verdict, String summary, List<InjectedRef> stillInjected, FaultLedger ledger,
            Path journalFile, Journal.Failure broken) {
        Verdict v = verdict;
        String s = summary;
        RunError error = null;
        String left = leftBehind(stillInjected, ledger);
        if (verdict == Verdict.ERROR || !left.isEmpty()) {
            String what = !left.isEmpty() ? left + "; the journal stays open: `gameday recover "
                    + journalFile.getParent() + "` removes what is left and closes it once Toxiproxy answers"
                    : ledger.injectionTried() ? "every fault was removed" : "";
            String full = what.isEmpty() ? summary : summary + " (" + what + ")";
            error = new RunError(full, stillInjected);
            if (verdict != Verdict.ERROR) {
                v = Verdict.ERROR;
                s = "Faults could not be removed; " + what + ".";
            } else {
                s = full;
            }
        }
        if (broken != null) {
            v = Verdict.ERROR;
            s = "The journal " + journalFile + " could not be written (" + broken.reason() + "), so the run stopped"
                    + (left.isEmpty() ? " and removed every fault" : "") + ". The journal ends after line "
                    + broken.linesWritten() + "; the rest of this run is only in this output. Verdict so far: "
                    + s + (s.endsWith(".") ? "" : ".") + " Once the journal can be written, `gameday recover "
                    + journalFile.getParent() + "` completes it.";
        }
        return new Ending(v, s, error);
    }

    /** What the run may have left on Toxiproxy, in words; empty when nothing. */
    private static String leftBehind(List<InjectedRef> stillInjected, FaultLedger ledger) {
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
}
