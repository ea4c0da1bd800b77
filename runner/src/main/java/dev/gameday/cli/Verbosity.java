package dev.gameday.cli;

import picocli.CommandLine;

/** Whether {@code --verbose} was given, before or after the subcommand's name. */
final class Verbosity {
    private Verbosity() {}

    static boolean verbose(CommandLine.Model.CommandSpec spec) {
        for (CommandLine.Model.CommandSpec s = spec; s != null; s = s.parent()) {
            CommandLine.ParseResult parsed = s.commandLine().getParseResult();
            if (parsed != null && parsed.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
