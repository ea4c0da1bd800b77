package dev.gameday.recover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.ToxicNames;
import dev.gameday.fault.ToxiproxyClients;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalFile;
import dev.gameday.journal.ProxyRemoved;
import dev.gameday.journal.RunInterrupted;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Finds runs that never ended (journal without run.ended / run.interrupted, owner process gone) and
 * removes what they left on Toxiproxy: toxics recorded as injected and not removed, toxics named with
 * the run's prefix (an injection the crash cut short), outages, and the proxies the run created. The
 * journal then gets fault.removed / proxy.removed (reason {@code recover}) and run.interrupted. An
 * embedded proxy died with its process, so there is nothing to remove: the journal says so.
 */
public final class CrashRecovery {
    public static final String JOURNAL = "journal.jsonl";

    private CrashRecovery() {}

    /** Recovers every unfinished run folder directly under {@code runsDir} (oldest first). */
    public static List<RecoveryOutcome> recoverAll(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(runsDir)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve(JOURNAL))).sorted().toList();
        }
        List<RecoveryOutcome> out = new ArrayList<>();
        for (Path dir : dirs) {
            recover(dir).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Recovers one run folder; empty when there is nothing to do: the run finished and left nothing
     * behind. A run that ended in an error while Toxiproxy was unreachable may have left faults (its
     * journal says which): they are removed here too, once Toxiproxy answers again.
     */
    public static Optional<RecoveryOutcome> recover(Path runDir) throws IOException {
        Path journalFile = runDir.resolve(JOURNAL);
        JournalFile journal = JournalFile.read(journalFile);
        boolean ended = journal.finished();
        if (ended && outstanding(journal).isEmpty() && createdAndNotRemoved(journal).isEmpty()) {
            return Optional.empty();
        }
        Optional<RunLock> lock = RunLock.read(runDir);
        if (lock.isPresent() && lock.get().ownerAlive()) {
            return Optional.of(new RecoveryOutcome(runDir, RecoveryOutcome.Status.RUNNING, List.of(), List.of(),
                    "still running (pid " + lock.get().pid() + "), left alone"));
        }
        String owner = lock.map(l -> "process " + l.pid()).orElse("its process");
        JsonNode started = journal.first("run.started").orElse(null);
        String url = started == null ? null : started.path("toxiproxy").path("url").asText(null);
        boolean embedded = started == null || "embedded".equals(started.path("toxiproxy").path("mode").asText());
        if (ended && (embedded || url == null)) {
            return Optional.empty();
        }
        if (embedded || url == null) {
            String reason = owner + " ended without finishing the run; "
                    + (started == null ? "it had not started injecting, nothing to remove"
                            : "its embedded Toxiproxy died with it, so nothing was left to remove");
            close(journalFile, List.of(), List.of(), List.of(), reason);
            RunLock.delete(runDir);
            return Optional.of(new RecoveryOutcome(runDir, RecoveryOutcome.Status.RECOVERED, List.of(), List.of(), reason));
        }
        ToxiproxyClient client = ToxiproxyClients.forUrl(URI.create(url));
        Map<String, Proxy> proxies = new HashMap<>();
        try {
            client.getProxies().forEach(p -> proxies.put(p.getName(), p));
        } catch (IOException e) {
            return Optional.of(new RecoveryOutcome(runDir, RecoveryOutcome.Status.FAILED, List.of(), List.of(),
                    "Toxiproxy at " + url + " unreachable (" + e.getMessage() + "); may still be injected: "
                            + describe(outstanding(journal))));
        }
        String prefix = ToxicNames.prefix(started.path("runId").asText());
        Map<InjectedRef, String> toRemove = outstanding(journal);
        for (String proxyName : proxiesOfRun(journal, started)) {
            Proxy p = proxies.get(proxyName);
            if (p == null) {
                continue;
            }
            for (Toxic t : p.toxics().getAll()) {
                if (t.getName().startsWith(prefix)) {
                    toRemove.putIfAbsent(new InjectedRef(proxyName, t.getName()), null);
                }
            }
        }
        List<InjectedRef> removed = new ArrayList<>();
        List<FaultRemoved> removedEvents = new ArrayList<>();
        Map<InjectedRef, String> recorded = outstanding(journal);
        for (Map.Entry<InjectedRef, String> e : toRemove.entrySet()) {
            boolean undone = undo(proxies.get(e.getKey().proxy()), e.getKey());
            if (undone) {
                removed.add(e.getKey());
            }
            // A recorded fault found gone is closed in the journal too, so it is not looked for again.
            if (undone || recorded.containsKey(e.getKey())) {
                removedEvents.add(new FaultRemoved(e.getValue(), e.getKey().proxy(), e.getKey().toxicName(), "recover"));
            }
        }
        List<String> removedProxies = new ArrayList<>();
        List<String> closedProxies = createdAndNotRemoved(journal);
        for (String name : closedProxies) {
            Proxy p = proxies.get(name);
            if (p != null) {
                p.delete();
                removedProxies.add(name);
            }
        }
        String reason = owner + (ended ? " ended the run unable to remove everything" : " ended without finishing the run")
                + "; removed " + removed.size() + " fault(s) and " + removedProxies.size() + " proxy(ies) from " + url;
        close(journalFile, removedEvents, closedProxies, ended ? null : removed, reason);
        RunLock.delete(runDir);
        return Optional.of(new RecoveryOutcome(runDir, RecoveryOutcome.Status.RECOVERED, removed, removedProxies, reason));
    }

    /** Faults injected and not removed, by (proxy, toxic name), with the step that injected them. */
    private static Map<InjectedRef, String> outstanding(JournalFile journal) {
        Map<InjectedRef, String> live = new LinkedHashMap<>();
        for (JsonNode e : journal.events()) {
            String type = e.path("type").asText();
            if (type.equals("fault.injected")) {
                String name = e.path("toxic").path("name").asText(null);
                live.put(new InjectedRef(e.path("proxy").asText(), name), e.path("step").asText(null));
            } else if (type.equals("fault.removed")) {
                live.remove(new InjectedRef(e.path("proxy").asText(), e.path("toxicName").asText(null)));
            }
        }
        return live;
    }

    private static Set<String> proxiesOfRun(JournalFile journal, JsonNode started) {
        Set<String> names = new LinkedHashSet<>();
        started.path("experiment").path("proxies").forEach(p -> names.add(p.path("name").asText()));
        started.path("plan").forEach(p -> {
            if (!p.path("proxy").isNull() && !p.path("proxy").isMissingNode()) {
                names.add(p.path("proxy").asText());
            }
        });
        journal.all("proxy.created").forEach(p -> names.add(p.path("proxy").asText()));
        return names;
    }

    private static List<String> createdAndNotRemoved(JournalFile journal) {
        Set<String> names = new LinkedHashSet<>();
        journal.all("proxy.created").stream()
                .filter(p -> p.path("createdByRun").asBoolean())
                .forEach(p -> names.add(p.path("proxy").asText()));
        journal.all("proxy.removed").forEach(p -> names.remove(p.path("proxy").asText()));
        return List.copyOf(names);
    }

    /** Removes one fault; false when it was already gone. */
    private static boolean undo(Proxy proxy, InjectedRef ref) throws IOException {
        if (proxy == null) {
            return false;
        }
        if (ref.toxicName() == null) {
            if (proxy.isEnabled()) {
                return false;
            }
            proxy.enable();
            return true;
        }
        for (Toxic t : proxy.toxics().getAll()) {
            if (Objects.equals(t.getName(), ref.toxicName())) {
                t.remove();
                return true;
            }
        }
        return false;
    }

    /** Appends what was removed, then run.interrupted unless {@code removed} is null (the run had ended). */
    private static void close(Path journalFile, List<FaultRemoved> faults, List<String> proxies,
            List<InjectedRef> removed, String reason) throws IOException {
        try (Journal j = Journal.resume(journalFile, UnaryOperator.identity())) {
            faults.forEach(j::append);
            proxies.forEach(p -> j.append(new ProxyRemoved(p)));
            if (removed != null) {
                j.append(new RunInterrupted(reason, removed));
            }
        }
    }

    private static String describe(Map<InjectedRef, String> refs) {
        return refs.isEmpty() ? "nothing recorded"
                : String.join(", ", refs.keySet().stream().map(FaultLedger::describe).toList());
    }
}
