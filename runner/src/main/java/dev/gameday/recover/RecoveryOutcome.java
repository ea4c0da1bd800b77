package dev.gameday.recover;

import dev.gameday.journal.InjectedRef;
import java.nio.file.Path;
import java.util.List;

/**
 * What crash recovery did for one run folder. {@code status}: {@code recovered} (journal closed),
 * {@code running} (its owner is alive: left alone), {@code failed} (Toxiproxy unreachable, or the
 * journal unwritable: left unfinished, to retry), {@code foreign} (written on another host: refused).
 */
public record RecoveryOutcome(Path runDir, Status status, List<InjectedRef> removed, List<String> removedProxies,
        String message) {
    public RecoveryOutcome {
        removed = List.copyOf(removed);
        removedProxies = List.copyOf(removedProxies);
    }

    public enum Status { RECOVERED, RUNNING, FAILED, FOREIGN }
}
