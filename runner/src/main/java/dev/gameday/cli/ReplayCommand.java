package dev.gameday.cli;

import dev.gameday.replay.RecordedRun;
import dev.gameday.replay.Replay;
import dev.gameday.replay.ReplayClock;
import dev.gameday.replay.ReplayOptions;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday replay}: a recorded run replayed in the terminal, for tabletop exercises. */
@Command(
        name = "replay",
        header = "Replay a recorded run for a tabletop exercise.",
        mixinStandardHelpOptions = true,
        description = {
            "Replay a recorded run for a tabletop exercise: phases, faults, probe health, aborts, verdict.",
            "With --speed step the replay stops at every fault start and end, tolerance breach, abort and "
                    + "tabletop prompt, asks what participants would see and do, and reveals what happened "
                    + "only on request.",
            "Keys on a terminal: Enter/space next, r reveal, n type a note, q quit. When standard input is "
                    + "not a terminal, each line is a command: empty or 'next', 'r' or 'reveal', "
                    + "'n <text>' or 'note <text>', 'q' or 'quit'.",
        },
        footer = {
            "",
            "Examples:",
            "  gameday replay runs/RUN --speed step --notes runs/RUN/notes.jsonl",
            "  gameday replay runs/RUN/journal.jsonl --speed 60x --from 1m --to 3m30s",
            "  printf 'r\\nn page inventory\\n\\n' | gameday replay runs/RUN --speed step",
            "",
            "gameday report shows the notes in <run dir>/notes.jsonl as \"Tabletop notes\".",
            "How to run a tabletop session: docs/replay.md",
        })
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOURNAL|RUN_DIR", description = "A run folder or its journal.jsonl.")
    Path journal;

    @Option(names = "--speed", paramLabel = "10x|realtime|step", defaultValue = "10x",
            description = "Nx times real time (1x, 10x, 60x), realtime (1x), or step: stop at each moment "
                    + "that mattered (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--from", paramLabel = "T", description = "Start this long after the run start (30s, 1m30s).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End this long after the run start (30s, 1m30s).")
    String to;

    @Option(names = "--notes", paramLabel = "FILE",
            description = "Append the notes typed at stops to FILE, one JSON line each; use <run dir>/notes.jsonl "
                    + "so gameday report includes them.")
    Path notes;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Replay replay;
        try {
            ReplayOptions options = ReplayOptions.parse(speed, from, to, notes);
            RecordedRun run = RecordedRun.load(journal);
            replay = Replay.stdinIsTerminal()
                    ? Replay.inTerminal(run, options)
                    : Replay.plain(run, options, System.in, spec.commandLine().getOut(), ReplayClock.system());
        } catch (NoSuchFileException e) {
            throw new UserInputException(e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        replay.play();
        return ExitCode.OK.code();
    }
}
