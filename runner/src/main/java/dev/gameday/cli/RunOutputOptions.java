package dev.gameday.cli;

import dev.gameday.cli.QuietNetworkLogs;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where runs go and how progress shows: shared by the commands that run experiments. */
final class RunOutputOptions {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Parent folder of the run folders (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "Plain progress lines instead of a live status line.")
    boolean noProgress;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** A status line redrawn in place: only on a terminal, and unless --no-progress. */
    boolean live() {
        return !noProgress && System.console() != null;
    }

    /** Network libraries stay quiet during runs, unless --verbose. */
    void quietNetworkLogs() {
        QuietNetworkLogs.apply(Verbosity.verbose(command));
    }
}
