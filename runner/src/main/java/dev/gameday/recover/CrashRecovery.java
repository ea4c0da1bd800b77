package dev.gameday.recover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.fault.Change;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.Lease;
import dev.gameday.fault.ToxicNames;
import dev.gameday.fault.ToxiproxyClients;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.JournalFile;
import dev.gameday.journal.RunEnded;
import dev.gameday.journal.RunInterrupted;
import dev.gameday.rollback.Teardown;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Finishes runs whose journal is still open (no {@code run.ended} / {@code run.interrupted}) and whose
 * process is gone: a crash or {@code kill -9}, or a run that could not undo everything (Toxiproxy
 * unreachable, the journal unwritable). It undoes, against the Toxiproxy URL in {@code run.started},
 * every change the journal announced and did not record as undone ({@link Outstanding}) — each undo
 * looks first, so what is already gone is fine and what is not the run's is left alone — plus toxics
 * named with the run's prefix. The journal then gets what was undone ({@code fault.removed} reason
 * {@code recover}, {@code proxy.removed}, {@code proxy.restored}, {@code lease.released}) and its last
 * line: {@code run.ended} when the run had reached its verdict, {@code run.interrupted} otherwise. An
 * embedded proxy died with its process, so there is nothing to undo: the journal says so.
 *
 * <p>A journal written on another host is refused unless {@link Hosts#ANY}: its process can only be
 * checked there, and the Toxiproxy it names may be one this machine reaches under the same name but
 * someone else owns.
 */
public final class CrashRecovery {
    public static final String JOURNAL = "journal.jsonl";

    /** Whose journals recovery acts on. */
    public enum Hosts {
        /** Only journals written on this host ({@code run.started.host}). */
        THIS_HOST,
        /** Any journal ({@code gameday recover --foreign-host}). */
        ANY
    }

    private CrashRecovery() {}

    /** Recovers every unfinished run folder directly under {@code runsDir} (oldest first). */
    public static List<RecoveryOutcome> recoverAll(Path runsDir, Hosts hosts) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(runsDir)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve(JOURNAL))).sorted().toList();
        }
        List<RecoveryOutcome> out = new ArrayList<>();
        for (Path dir : dirs) {
            recover(dir, hosts).ifPresent(out::add);
        }
        return out;
    }

    /** Recovers one run folder; empty when its journal is closed: nothing of the run can remain. */
    public static Optional<RecoveryOutcome> recover(Path runDir, Hosts hosts) throws IOException {
        Path journalFile = runDir.resolve(JOURNAL);
        JournalFile journal = JournalFile.read(journalFile);
        if (journal.finished()) {
            return Optional.empty();
        }
        JsonNode started = journal.first("run.started").orElse(null);
        String host = started == null ? null : started.path("host").asText(null);
        String url = started == null ? null : started.path("toxiproxy").path("url").asText(null);
        boolean embedded = started == null || "embedded".equals(started.path("toxiproxy").path("mode").asText());
        boolean here = host == null || Lease.isThisHost(host);
        if (!here && hosts == Hosts.THIS_HOST) {
            return Optional.of(outcome(runDir, RecoveryOutcome.Status.FOREIGN, List.of(), List.of(),
                    "its journal was written on host " + host + " and this is " + Lease.thisHost() + ": whether its "
                            + "process still runs can only be seen there, and recovering it here would act on "
                            + (embedded ? "its journal" : "the Toxiproxy at " + url) + " as if this machine had run "
                            + "it. Recover it on " + host + ", or pass --foreign-host if the run is over and that "
                            + "Toxiproxy is the one it used"));
        }
        Optional<RunLock> lock = RunLock.read(runDir);
        if (here && lock.isPresent() && lock.get().ownerAlive()) {
            return Optional.of(outcome(runDir, RecoveryOutcome.Status.RUNNING, List.of(), List.of(),
                    "still running (pid " + lock.get().pid() + "), left alone"));
        }
        String owner = (lock.map(l -> "process " + l.pid()).orElse("its process")) + (here ? "" : " on " + host);
        boolean reachedVerdict = journal.first("verdict").isPresent();
        String how = reachedVerdict ? " ended the run unable to undo everything" : " ended without finishing the run";
        if (embedded || url == null) {
            String reason = owner + how + "; " + (started == null ? "it had not started, nothing to remove"
                    : "its embedded Toxiproxy died with it, so nothing was left to remove");
            return Optional.of(close(runDir, journal, List.of(), List.of(), List.of(), reason));
        }
        ToxiproxyClient client = ToxiproxyClients.forUrl(URI.create(url));
        Outstanding outstanding = Outstanding.of(journal);
        try {
            outstanding = outstanding.withToxics(toxicsByPrefix(client, journal, started));
        } catch (IOException e) {
            return Optional.of(outcome(runDir, RecoveryOutcome.Status.FAILED, List.of(), List.of(),
                    "Toxiproxy at " + url + " unreachable (" + e.getMessage() + "); may still be in place: "
                            + describe(outstanding)));
        }
        List<JournalEvent> done = new ArrayList<>();
        List<InjectedRef> removed = new ArrayList<>();
        List<String> removedProxies = new ArrayList<>();
        int[] restoredAndReleased = new int[2];
        FaultLedger ledger = FaultLedger.adopting(URI.create(url), started.path("runId").asText(), outstanding.all());
        Teardown.Result left = new Teardown(ledger, 0).run(u -> {
            done.addAll(u.events("recover"));
            u.removedFaults().forEach(f -> removed.add(f.ref()));
            removedProxies.addAll(u.removedProxies());
            restoredAndReleased[0] += u.restoredProxies().size();
            restoredAndReleased[1] += u.releasedLeases().size();
        });
        if (!left.clean()) {
            String reason = "Toxiproxy at " + url + " failed during recovery (" + String.join("; ", left.errors())
                    + "); what is not recorded as undone may still be in place: run `gameday recover` again once it "
                    + "answers";
            return Optional.of(append(runDir, journalFile, done, RecoveryOutcome.Status.FAILED, removed,
                    removedProxies, reason));
        }
        int restored = restoredAndReleased[0];
        int released = restoredAndReleased[1];
        String reason = owner + how + "; removed " + removed.size() + " fault(s) and " + removedProxies.size()
                + " proxy(ies)" + (restored == 0 ? "" : ", put back " + restored + " replaced proxy(ies)")
                + (released == 0 ? "" : ", released " + released + " lease(s)") + " on " + url
                + (left.leftAlone().isEmpty() ? "" : "; " + String.join("; ", left.leftAlone()));
        return Optional.of(close(runDir, journal, done, removed, removedProxies, reason));
    }

    /**
     * Takes every fault of a run off now, whether its process is alive or stuck: what its journal
     * announced and did not record as removed, and toxics named with its prefix, through the Toxiproxy
     * API that {@code run.started} names (the game-day room's abort, beside the abort it asks the run
     * for). Proxies and leases stay: the run undoes them as it ends. The journal is left to its run,
     * the only process that writes it; what this removed the run finds gone. Blocking.
     */
    public static Teardown.Result removeFaults(Path runDir) throws IOException {
        JournalFile journal = JournalFile.read(runDir.resolve(JOURNAL));
        JsonNode started = journal.first("run.started")
                .orElseThrow(() -> new IOException(runDir + ": the journal has no run.started event"));
        String url = started.path("toxiproxy").path("url").asText(null);
        if (url == null) {
            throw new IOException(runDir + ": the journal names no Toxiproxy server");
        }
        ToxiproxyClient client = ToxiproxyClients.forUrl(URI.create(url));
        Outstanding outstanding = Outstanding.of(journal).withToxics(toxicsByPrefix(client, journal, started));
        FaultLedger ledger = FaultLedger.adopting(URI.create(url), started.path("runId").asText(),
                outstanding.faults());
        return new Teardown(ledger, 0, 200, 500).run(undo -> { });
    }

    /** Toxics on the run's proxies named with its prefix: an injection the journal may not name. */
    private static List<Change.AddedToxic> toxicsByPrefix(ToxiproxyClient client, JournalFile journal,
            JsonNode started) throws IOException {
        String prefix = ToxicNames.prefix(started.path("runId").asText());
        Set<String> names = new LinkedHashSet<>();
        started.path("experiment").path("proxies").forEach(p -> names.add(p.path("name").asText()));
        started.path("plan").forEach(p -> {
            if (p.path("proxy").isTextual()) {
                names.add(p.path("proxy").asText());
            }
        });
        Stream.concat(journal.all("proxy.creating").stream(), journal.all("proxy.created").stream())
                .forEach(p -> names.add(p.path("proxy").asText()));
        List<Change.AddedToxic> found = new ArrayList<>();
        for (Proxy p : client.getProxies()) {
            if (names.contains(p.getName())) {
                for (Toxic t : toxics(p)) {
                    if (t.getName().startsWith(prefix)) {
                        found.add(new Change.AddedToxic(t.getName().substring(prefix.length()), p.getName(),
                                t.getName()));
                    }
                }
            }
        }
        return found;
    }

    /** A proxy's toxics; none when it went since it was listed (a live run's own teardown deleted it). */
    private static List<? extends Toxic> toxics(Proxy p) throws IOException {
        try {
            return p.toxics().getAll();
        } catch (IOException e) {
            if (ToxiproxyClients.status(e) == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** Appends what was undone and the journal's last line, then drops the lock. */
    private static RecoveryOutcome close(Path runDir, JournalFile journal, List<JournalEvent> done,
            List<InjectedRef> removed, List<String> removedProxies, String reason) {
        List<JournalEvent> events = new ArrayList<>(done);
        events.add(journal.first("verdict")
                .map(v -> (JournalEvent) new RunEnded(v.path("verdict").asText()))
                .orElseGet(() -> new RunInterrupted(reason, removed)));
        RecoveryOutcome o = append(runDir, runDir.resolve(JOURNAL), events, RecoveryOutcome.Status.RECOVERED, removed,
                removedProxies, reason);
        if (o.status() == RecoveryOutcome.Status.RECOVERED) {
            RunLock.deleteQuietly(runDir);
        }
        return o;
    }

    /** Appends {@code events} durably; a journal that cannot be written leaves the run to recover again. */
    private static RecoveryOutcome append(Path runDir, Path journalFile, List<JournalEvent> events,
            RecoveryOutcome.Status status, List<InjectedRef> removed, List<String> removedProxies, String reason) {
        try (Journal j = Journal.resume(journalFile, UnaryOperator.identity())) {
            for (JournalEvent e : events) {
                j.appendDurably(e);
            }
        } catch (IOException e) {
            return outcome(runDir, RecoveryOutcome.Status.FAILED, removed, removedProxies, reason
                    + "; but its journal cannot be written (" + e.getMessage() + "): it stays open, run `gameday "
                    + "recover` again once it can be written");
        }
        return outcome(runDir, status, removed, removedProxies, reason);
    }

    private static RecoveryOutcome outcome(Path runDir, RecoveryOutcome.Status status, List<InjectedRef> removed,
            List<String> removedProxies, String message) {
        return new RecoveryOutcome(runDir, status, removed, removedProxies, message);
    }

    private static InjectedRef ref(Change c) {
        return c instanceof Change.AddedToxic t ? new InjectedRef(t.proxy(), t.toxicName())
                : new InjectedRef(c.proxy(), null);
    }

    private static String describe(Outstanding o) {
        List<String> what = new ArrayList<>();
        o.faults().forEach(c -> what.add(FaultLedger.describe(ref(c))));
        o.createdProxies().forEach(c -> what.add("proxy " + c.proxy()));
        o.originals().forEach(c -> what.add("the original of proxy " + c.proxy() + " (not put back)"));
        o.leases().forEach(c -> what.add("the lease on proxy " + c.proxy()));
        return what.isEmpty() ? "nothing recorded" : String.join(", ", what);
    }
}
