package dev.gameday.recover;

import dev.gameday.journal.InjectedRef;
import java.nio.file.Path;
import java.util.List;

/**
 * What crash recovery did for one run folder. {@code status}: {@code recovered} (journal closed with
 * run.interrupted), {@code running} (its owner is alive: left alone), {@code failed} (Toxiproxy
 * unreachable: left unfinished, to retry).
 */
public record RecoveryOutcome(Path runDir, Status status, List<InjectedRef> removed, List<String> removedProxies,
        String message) {
    public RecoveryOutcome {
        removed = List.copyOf(removed);
        removedProxies = List.copyOf(removedProxies);
    }

    public enum Status { RECOVERED, RUNNING, FAILED }
}
