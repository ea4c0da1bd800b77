package dev.gameday.run;

import dev.gameday.experiment.Experiment;
import dev.gameday.experiment.load.LoadedExperiment;
import dev.gameday.journal.PlanEntry;
import dev.gameday.preflight.LiveChecks;
import dev.gameday.report.premortem.PreflightCheck;
import dev.gameday.text.TerminalText;
import dev.gameday.text.Units;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code gameday run --dry-run}: the run's own pre-flight and the steady state sampled through the
 * proxies ({@link LiveChecks}), then the timeline the method would follow. No run folder, no journal,
 * nothing injected; the proxies it created are removed again. It exits as the run would before its
 * first fault: 0 when it would start, 3 for a proxy conflict, 4 when something is unusable, 5 when the
 * steady state does not hold (or a fault's proxy carries no traffic).
 */
final class DryRun {
    private DryRun() {}

    public static RunResult check(LoadedExperiment loaded, boolean replaceProxies, PrintStream out) {
        Experiment e = loaded.experiment();
        out.println(TerminalText.safe("Dry run of \"" + e.title() + "\" — nothing will be injected; proxies it creates "
                + "are removed again."));
        LiveChecks.Result r = LiveChecks.run(loaded, 0, replaceProxies);
        for (PreflightCheck c : r.checks()) {
            out.println(TerminalText.safe((c.ok() ? "  ok    " : "  FAIL  ") + c.name() + ": " + c.detail()));
        }
        out.println("Timeline (from the start of the method, after " + Units.seconds(
                e.steadyState().before().toMillis()) + " of steady state):");
        for (PlanEntry p : Timeline.of(e.method()).plan()) {
            out.printf(Locale.ROOT, "  +%-7s %-8s %s%s%s%n", Units.seconds(p.startMs()), p.kind(),
                    p.parent() == null ? "" : "  ", p.step(),
                    (p.proxy() == null ? "" : " — " + p.toxic() + " on " + p.proxy())
                            + " for " + Units.seconds(p.durationMs()));
        }
        if (r.outcome() == LiveChecks.Outcome.GO) {
            out.println("Pre-flight OK: the run would start.");
            return new RunResult(null, false, "Dry run: pre-flight OK.", List.of(), List.of(), null, List.of(), null);
        }
        String summary = "Dry run: pre-flight failed: " + r.reason();
        out.println(summary);
        Verdict v = r.outcome() == LiveChecks.Outcome.NOT_STEADY ? Verdict.INCONCLUSIVE : Verdict.ERROR;
        return new RunResult(v, r.outcome() == LiveChecks.Outcome.CONFLICT, summary, List.of(), List.of(), null, List.of(), null);
    }
}
