package dev.gameday.recover;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** True while the owning process runs (same pid and, when known, same start time ±1 s). */
    public boolean ownerAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> !zombie(p.pid()))
                .filter(p -> processStart == null || p.info().startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - processStart) <= 1000)
                        .orElse(true))
                .isPresent();
    }

    /**
     * A process killed with {@code kill -9} stays a zombie until its parent reaps it, and in a container
     * whose init never reaps that is forever; {@link ProcessHandle#isAlive} still says alive then.
     */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
