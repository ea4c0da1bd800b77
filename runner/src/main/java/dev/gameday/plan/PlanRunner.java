package dev.gameday.plan;

import dev.gameday.plan.internal.PlanFolder;
import dev.gameday.plan.internal.PrefixedLines;
import dev.gameday.report.Reports;
import dev.gameday.run.RunEngine;
import dev.gameday.run.RunOptions;
import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;
import dev.gameday.text.TerminalText;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code gameday plan run}: runs a plan's stages in order, each entry with {@link RunEngine} as
 * {@code gameday run} would, in its own run folder under the plan folder
 * ({@code <out>/<UTC timestamp>-plan-<plan>/<entry id>/<run folder>}: each entry's run has an output
 * folder of its own, so runs of a parallel group never recover each other). {@code plan.json} in the
 * plan folder is rewritten after every entry; at the end the combined reports are rendered from it and
 * from the journals. The plan's verdict is the worst of the judge's verdicts ({@link PlanVerdicts}).
 */
public final class PlanRunner {
    private PlanRunner() {}

    public static PlanResult run(Plan plan, PlanRunOptions options) throws IOException {
        Clock clock = Clock.systemUTC();
        PlanFolder folder = PlanFolder.create(options.outDir(), plan, clock.instant());
        PrintStream out = options.out();
        out.println("Plan " + TerminalText.safe(plan.title()) + ": " + plan.entries().size() + " experiments; folder "
                + folder.dir());
        List<EntryResult> results = new ArrayList<>();
        String stoppedBy = null;
        for (Stage stage : plan.stages()) {
            if (stoppedBy == null && pastDeadline(options, clock)) {
                stoppedBy = windowEnded(options);
            }
            if (stoppedBy != null) {
                for (PlannedExperiment e : stage.entries()) {
                    results.add(EntryResult.notRun(e, stoppedBy));
                }
                continue;
            }
            List<EntryResult> ran = stage.parallel() && stage.entries().size() > 1
                    ? parallel(plan, stage, folder, options, results)
                    : sequential(plan, stage, folder, options, results, clock);
            results.addAll(ran);
            for (EntryResult r : ran) {
                if (stoppedBy == null && stops(plan, r)) {
                    stoppedBy = stoppedAfter(r);
                }
            }
            folder.write(results, null, null);
        }
        Verdict verdict = PlanVerdicts.worst(results.stream().filter(EntryResult::wasRun).map(EntryResult::verdict).toList());
        PlanResult result = new PlanResult(verdict, results, folder.dir());
        folder.write(results, verdict, clock.instant());
        try {
            Reports.writePlanReports(folder.dir());
        } catch (IOException | RuntimeException e) {
            System.err.println("gameday: warning: could not write the plan's reports in " + folder.dir() + ": "
                    + e.getMessage());
        }
        options.listener().planEnded(plan, result);
        return result;
    }

    /** The stage's entries one after the other; with first-failure, the rest of the stage is not run. */
    private static List<EntryResult> sequential(Plan plan, Stage stage, PlanFolder folder, PlanRunOptions options,
            List<EntryResult> done, Clock clock) throws IOException {
        List<EntryResult> out = new ArrayList<>();
        String stoppedBy = null;
        for (PlannedExperiment entry : stage.entries()) {
            if (stoppedBy == null && pastDeadline(options, clock)) {
                stoppedBy = windowEnded(options);
            }
            if (stoppedBy != null) {
                out.add(EntryResult.notRun(entry, stoppedBy));
                continue;
            }
            EntryResult r = runEntry(plan, entry, folder, options, options.out());
            out.add(r);
            List<EntryResult> soFar = new ArrayList<>(done);
            soFar.addAll(out);
            folder.write(soFar, null, null);
            if (stops(plan, r)) {
                stoppedBy = stoppedAfter(r);
            }
        }
        return out;
    }

    private static boolean stops(Plan plan, EntryResult r) {
        return plan.stop() == StopPolicy.FIRST_FAILURE && r.wasRun() && PlanVerdicts.stops(r.verdict());
    }

    private static String stoppedAfter(EntryResult r) {
        return "not run: the plan stops at the first failure (stop: first-failure) and " + r.entry().id() + " was "
                + r.verdict().key();
    }

    private static boolean pastDeadline(PlanRunOptions options, Clock clock) {
        return options.deadline() != null && clock.instant().isAfter(options.deadline());
    }

    private static String windowEnded(PlanRunOptions options) {
        return "not run: the plan's window (when.window) ended at " + options.deadline();
    }

    /** Every entry of the stage at once, each printing its lines prefixed with its id. */
    private static List<EntryResult> parallel(Plan plan, Stage stage, PlanFolder folder, PlanRunOptions options,
            List<EntryResult> done) {
        ExecutorService pool = Executors.newFixedThreadPool(stage.entries().size(), r -> {
            Thread t = new Thread(r, "gameday-plan-entry");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<EntryResult>> running = new ArrayList<>();
            for (PlannedExperiment entry : stage.entries()) {
                PrintStream prefixed = PrefixedLines.stream(options.out(), "[" + entry.id() + "] ");
                running.add(pool.submit(() -> runEntry(plan, entry, folder, options, prefixed)));
            }
            List<EntryResult> out = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                out.add(await(running.get(i), stage.entries().get(i)));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static EntryResult await(Future<EntryResult> f, PlannedExperiment entry) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EntryResult.failed(entry, "interrupted");
        } catch (ExecutionException e) {
            return EntryResult.failed(entry, String.valueOf(e.getCause().getMessage()));
        }
    }

    private static EntryResult runEntry(Plan plan, PlannedExperiment entry, PlanFolder folder, PlanRunOptions options,
            PrintStream out) {
        out.println("== " + entry.id() + ": " + entry.experiment().getFileName()
                + (entry.vars().isEmpty() ? "" : " " + new java.util.TreeMap<>(entry.vars())));
        options.listener().runStarted(plan, entry);
        EntryResult result;
        try {
            RunResult r = RunEngine.run(RunOptions.of(entry.experiment(), entry.vars(), options.env(),
                    folder.entryDir(entry), out).refuseCommands(options.refuseCommands()));
            result = EntryResult.ran(entry, r);
            out.println("== " + entry.id() + ": " + r.verdict().key().toUpperCase(java.util.Locale.ROOT) + " — "
                    + TerminalText.safe(r.summary()));
        } catch (Exception e) {
            // The experiment validated with the plan; what fails now is the system (Toxiproxy, a port) or
            // a file changed since: the entry is in error and the plan goes on as its policy says.
            result = EntryResult.failed(entry, TerminalText.safe(String.valueOf(e.getMessage())));
            out.println("== " + entry.id() + ": ERROR — " + result.note());
        }
        options.listener().runEnded(plan, result);
        return result;
    }
}
