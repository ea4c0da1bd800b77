package dev.gameday.cli;

import dev.gameday.text.Failures;
import dev.gameday.text.TerminalText;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on stderr and its exit code
 * ({@link ExitCode#of(Throwable)}); the stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && hasVerbose(parsed));
        String message = Failures.message(ex);
        // Messages quote user text (file names, server answers): never let it drive the terminal.
        message.lines().forEach(l -> cli.getErr().println("gameday: " + TerminalText.safe(l)));
        if (verbose) {
            ex.printStackTrace(cli.getErr());
        }
        return ExitCode.of(ex).code();
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
