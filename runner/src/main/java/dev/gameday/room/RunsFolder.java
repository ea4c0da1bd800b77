package dev.gameday.room;

import dev.gameday.journal.JournalReader;
import dev.gameday.recover.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs folder the room serves: each run folder directly in it (one holding a journal) is a run,
 * named in URLs by its folder name. A name from a URL is used only when it is exactly one of them.
 */
final class RunsFolder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path dir;

    RunsFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** The run folder named {@code id}; empty for any other name (a path, {@code ..}, no journal). */
    Optional<Path> run(String id) {
        if (id == null || !NAME.matcher(id).matches()) {
            return Optional.empty();
        }
        Path run = dir.resolve(id).normalize();
        return run.getParent().equals(dir) && Files.isRegularFile(run.resolve(JournalReader.FILE_NAME))
                ? Optional.of(run) : Optional.empty();
    }

    /** Every run folder, newest first (folder names begin with the run's UTC start). */
    List<Path> runs() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(d -> NAME.matcher(d.getFileName().toString()).matches()
                    && Files.isRegularFile(d.resolve(JournalReader.FILE_NAME)))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList();
        }
    }

    /** Whether the run's process still holds it (its {@code run.lock} names a live process). */
    static boolean live(Path run) {
        return RunLock.read(run).map(RunLock::ownerAlive).orElse(false);
    }
}
