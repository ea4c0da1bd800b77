package dev.gameday.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gameday} command. Every subcommand returns an {@link ExitCode}; bad input never shows a
 * stack trace unless {@code --verbose} is given.
 */
@Command(
        name = "gameday",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Chaos and game-day experiment runner: pre-mortem, run, report, replay.",
        subcommands = {
            ValidateCommand.class,
            PremortemCommand.class,
            RunCommand.class,
            ReportCommand.class,
            ReplayCommand.class,
            RecoverCommand.class,
            ProxyCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {
            "",
            "Exit codes:",
            "  0  hypothesis held, or the command succeeded",
            "  1  hypothesis refuted",
            "  2  aborted by an abort condition",
            "  3  invalid input or configuration (nothing injected)",
            "  4  runtime error: target, proxy or Toxiproxy unusable",
            "  5  inconclusive: steady state did not hold before any fault (nothing injected),",
            "     or a faulted proxy carried no traffic (the system under test does not use it)",
            "  130 / 143  stopped by Ctrl-C / SIGTERM (proxy and demo --serve exit 0 then)",
            "",
            "'gameday COMMAND --help' shows a command's options and examples.",
        })
public final class Gameday implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug output.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    /** Like {@link #execute(String...)}, writing to {@code out} and {@code err} (for tests). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Gameday());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("gameday: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCode.INVALID_INPUT.code();
        });
        return cli;
    }
}
