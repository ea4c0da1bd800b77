package dev.gameday.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
    /** The subcommands, in the order the usage help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ValidateCommand.class,
            PremortemCommand.class,
            RunCommand.class,
            PlanCommand.class,
            ReportCommand.class,
            ReplayCommand.class,
            RecoverCommand.class,
            ProxyCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug output.")
    boolean verbose;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = commandLine(args);
        return cli.execute(args);
    }

    /** Like {@link #execute(String...)}, writing to {@code out} and {@code err} (for tests). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Every subcommand built in full. */
    static CommandLine commandLine() {
        return commandLine(name -> Build.FULL);
    }

    /**
     * What {@code args} need: the subcommand they run in full and the others not at all (after
     * {@code help}: the command it describes too); when they run none (usage, version, an unknown
     * name), every subcommand as an outline, which is all the usage help's command list reads.
     * Picocli reflects over every member of every command it is given, which was most of the start-up
     * of a short command such as {@code validate}.
     */
    static CommandLine commandLine(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return commandLine(); // an argument file may name any subcommand
            }
            if (!arg.startsWith("-")) {
                words.add(arg);
            } else if (words.isEmpty() && !arg.equals("--verbose")) {
                return commandLine(name -> Build.OUTLINE); // -h, -V, or a mistake: the root answers
            }
        }
        Set<String> names = new HashSet<>();
        SUBCOMMANDS.forEach(type -> names.add(type.getAnnotation(Command.class).name()));
        String run = words.isEmpty() ? null : words.get(0);
        String described = "help".equals(run) && words.size() > 1 ? words.get(1) : null;
        if (!names.contains(run) || "help".equals(run) && !names.contains(described)) {
            return commandLine(name -> name.equals(run) ? Build.FULL : Build.OUTLINE);
        }
        return commandLine(name -> name.equals(run) || name.equals(described) ? Build.FULL : Build.NONE);
    }

    private enum Build { FULL, OUTLINE, NONE }

    private static CommandLine commandLine(Function<String, Build> build) {
        CommandLine cli = new CommandLine(new Gameday());
        for (Class<?> type : SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            switch (build.apply(command.name())) {
                case FULL -> cli.addSubcommand(command.name(), type);
                case OUTLINE -> cli.addSubcommand(command.name(), outline(command));
                case NONE -> { }
            }
        }
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("gameday: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCode.INVALID_INPUT.code();
        });
        return cli;
    }

    private static CommandSpec outline(Command command) {
        CommandSpec outline = CommandSpec.create().name(command.name()).aliases(command.aliases());
        outline.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return outline;
    }
}
