package dev.gameday.cli;

import dev.gameday.experiment.load.InvalidExperimentException;
import dev.gameday.plan.InvalidPlanException;
import dev.gameday.plan.PlanResult;
import dev.gameday.preflight.LiveChecks;
import dev.gameday.run.RunResult;
import dev.gameday.run.Verdict;

/**
 * The exit codes of every command, as documented in the README, and the one place verdicts, pre-flight
 * outcomes and errors are mapped to them.
 */
public enum ExitCode {
    /** The hypothesis held, or the command succeeded. */
    OK(0),
    /** The hypothesis was refuted: a tolerance was not met. */
    REFUTED(1),
    /** An abort condition stopped the run. */
    ABORTED(2),
    /** Invalid input or configuration: nothing was injected. */
    INVALID_INPUT(3),
    /** Runtime error: target, proxy or Toxiproxy server unusable. */
    RUNTIME_ERROR(4),
    /** The run did not test the hypothesis (see docs/run.md). */
    INCONCLUSIVE(5),
    /**
     * Stopped by Ctrl-C (SIGINT): no command returns it, the JVM exits with it after its shutdown hooks
     * (a run's removes every fault first). {@code proxy} and {@code demo --serve} exit 0 instead.
     */
    INTERRUPTED(130),
    /** Stopped by SIGTERM, as {@link #INTERRUPTED} for SIGINT. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** What a run (or dry run) exits with: its verdict, or 3 when it stopped on a conflicting input. */
    public static ExitCode of(RunResult r) {
        if (r.verdict() == null) {
            return OK;
        }
        return r.conflict() ? INVALID_INPUT : of(r.verdict());
    }

    public static ExitCode of(Verdict v) {
        return switch (v) {
            case HELD -> OK;
            case REFUTED -> REFUTED;
            case ABORTED -> ABORTED;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case ERROR -> RUNTIME_ERROR;
        };
    }

    /** What {@code plan run} exits with: the plan's verdict, the worst of its experiments'. */
    public static ExitCode of(PlanResult r) {
        return of(r.verdict());
    }

    /** What {@code run} would exit with before any fault, given its pre-flight. */
    public static ExitCode of(LiveChecks.Outcome o) {
        return switch (o) {
            case GO -> OK;
            case CONFLICT -> INVALID_INPUT;
            case UNUSABLE -> RUNTIME_ERROR;
            case NOT_STEADY -> INCONCLUSIVE;
        };
    }

    /** An exception that ended a command: bad input (3) or a runtime error (4). */
    public static ExitCode of(Throwable e) {
        return e instanceof UserInputException || e instanceof InvalidExperimentException || e instanceof InvalidPlanException
                ? INVALID_INPUT : RUNTIME_ERROR;
    }
}
