package dev.gameday.recover;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.fault.Lease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code run.lock} beside a journal: the process that owns the run, by pid and start time (so a
 * reused pid is not mistaken for the owner). Written when the run starts, deleted once its journal is
 * closed; a lock whose process is gone marks a run that crashed.
 */
public record RunLock(long pid, Long processStart) {
    public static final String FILE = "run.lock";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The lock of this process. */
    public static RunLock current() {
        ProcessHandle me = ProcessHandle.current();
        return new RunLock(me.pid(), me.info().startInstant().map(Instant::toEpochMilli).orElse(null));
    }

    public void write(Path runDir) throws IOException {
        Files.write(runDir.resolve(FILE), MAPPER.writeValueAsBytes(this));
    }

    public static Optional<RunLock> read(Path runDir) {
        try {
            return Optional.of(MAPPER.readValue(runDir.resolve(FILE).toFile(), RunLock.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static void delete(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve(FILE));
    }

    /**
     * Deletes the lock once its process is done with the journal; a lock that cannot be deleted (a
     * read-only or full file system) only makes recovery look at a journal its owner no longer writes.
     */
    public static void deleteQuietly(Path runDir) {
        try {
            delete(runDir);
        } catch (IOException e) {
            // See above: harmless.
        }
    }

    /** True while the owning process runs (same pid and, when known, same start time ±1 s). */
    public boolean ownerAlive() {
        return Lease.alive(pid, processStart);
    }
}
