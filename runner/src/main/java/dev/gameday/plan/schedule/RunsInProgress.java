package dev.gameday.plan.schedule;

import dev.gameday.recover.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run under way in the runs folder: a run folder (a single run's, or an entry's inside a plan folder)
 * whose {@code run.lock} names a process that is alive. It holds its leases on the proxies it faults:
 * a scheduled plan does not start on top of it.
 */
final class RunsInProgress {
    private static final int DEPTH = 3; // <runs>/<run>, <runs>/<plan>/<entry>/<run>

    private RunsInProgress() {}

    static Optional<String> find(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> locks = Files.find(runsDir, DEPTH + 1, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().equals(RunLock.FILE))) {
            return locks.map(Path::getParent).filter(dir -> RunLock.read(dir).map(RunLock::ownerAlive).orElse(false))
                    .findFirst().map(dir -> runsDir.relativize(dir) + " (pid " + RunLock.read(dir).map(RunLock::pid)
                            .orElse(0L) + ")");
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
