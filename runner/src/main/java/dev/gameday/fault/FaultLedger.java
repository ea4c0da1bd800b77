package dev.gameday.fault;

import dev.gameday.journal.FaultInjecting;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.InjectedRef;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.LeaseReleased;
import dev.gameday.journal.LeaseTaking;
import dev.gameday.journal.ProxyCreating;
import dev.gameday.journal.ProxyRemoved;
import dev.gameday.journal.ProxyRestored;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything a run changed on Toxiproxy and has not undone yet: faults in place (by step), proxies it
 * created, proxies it replaced (with {@code --replace-proxies}, to be put back), and its leases on a
 * remote server's proxies. Every change is write-ahead: its intent ({@code fault.injecting},
 * {@code proxy.creating}, {@code lease.taking}) goes to {@link Intents} — the journal, fsynced — before
 * the Toxiproxy call, and no call is made when that fails; so after a crash at any point the journal
 * names every change that may be in place. A call that fails without an answer from Toxiproxy may
 * still have taken effect: it is kept as an uncertain {@link Change}, undone by looking first.
 *
 * <p>Thread-safe; every change is a blocking call made under one lock, so the shutdown hook can
 * {@link #seal} the ledger and know that no change is half-done or still to come, then undo what is
 * listed — even if the engine's event loop is stuck.
 */
public final class FaultLedger {
    /** Where intents go: returns once the intent is durable, throws when it is not. */
    @FunctionalInterface
    public interface Intents {
        void write(JournalEvent intent) throws IOException;
    }

    /** For checks that keep no journal (dry run, pre-mortem check). */
    public static final Intents NO_INTENTS = intent -> { };

    private final ToxiproxyClient client;
    private final URI server;
    private final Lease holder;
    private final Intents intents;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> faults = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Proxy> createdProxies = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Call<Proxy>> replaced = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Change.LeaseTaken> leases = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Change> uncertain = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean sealed;
    private volatile boolean injectionTried;

    /** The ledger of run {@code runId} on the Toxiproxy server at {@code server}. */
    public FaultLedger(URI server, String runId, Intents intents) {
        this.server = server;
        this.client = ToxiproxyClients.forUrl(server);
        this.holder = Lease.of(runId);
        this.intents = intents;
    }

    /**
     * The ledger of a run that is gone, rebuilt from what its journal says may still be in place
     * ({@code gameday recover}): every change is uncertain, so {@link #undoAll} looks before it undoes.
     */
    public static FaultLedger adopting(URI server, String runId, List<Change> outstanding) {
        FaultLedger ledger = new FaultLedger(server, runId, NO_INTENTS);
        ledger.uncertain.addAll(outstanding);
        return ledger;
    }

    /**
     * A fault in place: a toxic ({@code toxicName}) or an outage ({@code toxicName} null); {@code fault}
     * is null for one that was undone from its intent (its call had failed without an answer).
     */
    public record Entry(String step, String proxy, String toxicName, ActiveFault fault) {
        public InjectedRef ref() {
            return new InjectedRef(proxy, toxicName);
        }
    }

    /**
     * What {@link #undoAll} undid, what it could not (still possibly in place), and what it left alone
     * because what is there now is not the run's (in words).
     */
    public record Undo(List<Entry> removedFaults, List<String> removedProxies, List<String> restoredProxies,
            List<String> releasedLeases, List<InjectedRef> stillInjected, List<String> errors, List<String> leftAlone) {

        /** The journal's record of what was undone, faults removed for {@code reason}. */
        public List<JournalEvent> events(String reason) {
            List<JournalEvent> events = new ArrayList<>();
            removedFaults.forEach(e -> events.add(new FaultRemoved(e.step(), e.proxy(), e.toxicName(), reason)));
            removedProxies.forEach(p -> events.add(new ProxyRemoved(p)));
            restoredProxies.forEach(p -> events.add(new ProxyRestored(p)));
            releasedLeases.forEach(p -> events.add(new LeaseReleased(p, Lease.proxyName(p))));
            return events;
        }
    }

    /** A lease taken; {@code reclaimedFrom} is the dead run it was taken back from, or null. */
    public record Leased(String proxy, Lease reclaimedFrom) {}

    /** A blocking Toxiproxy call. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    /**
     * Journals {@code intent}, then runs the injection and records it — unless the ledger is sealed
     * (then nothing happens: empty). {@code change} says how to undo it if the call fails unanswered.
     */
    public Optional<Entry> inject(String step, String proxy, String toxicName, FaultInjecting intent, Change change,
            Call<ActiveFault> injection) throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            intents.write(intent);
            injectionTried = true;
            Entry e = new Entry(step, proxy, toxicName, attempt(injection, change));
            faults.put(step, e);
            return Optional.of(e);
        } finally {
            lock.unlock();
        }
    }

    /** Journals {@code intent}, then creates the proxy and records it for deletion, unless sealed. */
    public Optional<Proxy> createProxy(ProxyCreating intent, Call<Proxy> creation) throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            intents.write(intent);
            Proxy p = attempt(creation, new Change.CreatedProxy(intent.proxy(), intent.listen(), intent.upstream()));
            createdProxies.put(p.getName(), p);
            return Optional.of(p);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Journals {@code intent} (whose {@code replaces} is {@code existing} as it is), deletes
     * {@code existing} and creates the run's proxy in its place, recording how to put the original back
     * ({@code restore}) once the run's proxy is deleted; nothing happens when sealed.
     */
    public Optional<Proxy> replaceProxy(Proxy existing, ProxyCreating intent, Call<Proxy> creation,
            Call<Proxy> restore) throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            intents.write(intent);
            ProxyCreating.Original o = intent.replaces();
            attempt(() -> {
                existing.delete();
                return null;
            }, new Change.ReplacedProxy(existing.getName(), o.listen(), o.upstream(), o.enabled()));
            replaced.put(existing.getName(), restore);
            Proxy p = attempt(creation, new Change.CreatedProxy(intent.proxy(), intent.listen(), intent.upstream()));
            createdProxies.put(p.getName(), p);
            return Optional.of(p);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Journals {@code lease.taking}, then takes this run's lease on {@code proxy} (see {@link Leases});
     * empty when sealed. Throws {@link Leases.Held} when another run holds it.
     */
    public Optional<Leased> lease(String proxy) throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            intents.write(new LeaseTaking(proxy, Lease.proxyName(proxy), holder.runId(), holder.host(), holder.pid()));
            Change.LeaseTaken taken = new Change.LeaseTaken(proxy, holder.runId());
            Lease stale = attempt(() -> Leases.take(server, client, proxy, holder), taken);
            leases.put(proxy, taken);
            return Optional.of(new Leased(proxy, stale));
        } finally {
            lock.unlock();
        }
    }

    /** Moves one attribute of the fault of this step; false when it is no longer in place. */
    public boolean update(String step, String attribute, long value) throws IOException {
        lock.lock();
        try {
            Entry e = faults.get(step);
            if (e == null || sealed) {
                return false;
            }
            e.fault().update(attribute, value);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the fault of this step; empty when it was not in place (or already undone by the hook). */
    public Optional<Entry> remove(String step) throws IOException {
        lock.lock();
        try {
            Entry e = faults.get(step);
            if (e == null || sealed) {
                return Optional.empty();
            }
            e.fault().remove();
            faults.remove(step);
            return Optional.of(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * No change may start after this; waits up to {@code waitMs} for one in flight. Returns false
     * when the wait timed out (the caller goes on: a stuck call must not stop the cleanup).
     */
    public boolean seal(long waitMs) {
        boolean locked = tryLock(waitMs);
        sealed = true;
        if (locked) {
            lock.unlock();
        }
        return locked;
    }

    /** The fault of this step, if it is in place. */
    public Entry inPlace(String step) {
        return faults.get(step);
    }

    /**
     * The faults in place now, with those whose injection failed unanswered (they may be). Takes no
     * lock: the shutdown hook asks while a stuck call may hold it.
     */
    public List<InjectedRef> inPlace() {
        List<Entry> known;
        synchronized (faults) {
            known = List.copyOf(faults.values());
        }
        return Stream.of(known.stream().map(Entry::ref),
                uncertain(Change.AddedToxic.class).map(c -> new InjectedRef(c.proxy(), c.toxicName())),
                uncertain(Change.Outage.class).map(c -> new InjectedRef(c.proxy(), null)))
                .flatMap(s -> s).toList();
    }

    /**
     * Undoes everything — faults first, then the proxies the run created, then the originals of the
     * proxies it replaced, then its leases — and forgets what was undone; failures stay listed, so a
     * later call retries them. Safe from any thread, sealed or not. Waits up to {@code waitMs} for a
     * change in flight, then goes on regardless (a stuck call must not keep the rest in place).
     */
    public Undo undoAll(long waitMs) {
        boolean locked = tryLock(waitMs);
        try {
            List<Entry> removed = new ArrayList<>();
            List<String> removedProxies = new ArrayList<>();
            List<String> restored = new ArrayList<>();
            List<String> released = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<String> leftAlone = new ArrayList<>();
            for (Entry e : List.copyOf(faults.values())) {
                try {
                    e.fault().remove();
                    removed.add(faults.remove(e.step()));
                } catch (IOException | RuntimeException ex) {
                    if (ex instanceof IOException io && ToxiproxyClients.status(io) == 404) {
                        removed.add(faults.remove(e.step())); // gone already: no longer in place either way
                    } else {
                        errors.add("removing " + describe(e.ref()) + ": " + ex.getMessage());
                    }
                }
            }
            undoUncertain(Change.AddedToxic.class, c -> removed.add(new Entry(c.step(), c.proxy(), c.toxicName(), null)),
                    errors, leftAlone);
            undoUncertain(Change.Outage.class, c -> removed.add(new Entry(c.step(), c.proxy(), null, null)), errors,
                    leftAlone);
            for (Proxy p : List.copyOf(createdProxies.values())) {
                try {
                    p.delete();
                    createdProxies.remove(p.getName());
                    removedProxies.add(p.getName());
                } catch (IOException | RuntimeException ex) {
                    if (ex instanceof IOException io && ToxiproxyClients.status(io) == 404) {
                        createdProxies.remove(p.getName());
                    } else {
                        errors.add("deleting proxy " + p.getName() + ": " + ex.getMessage());
                    }
                }
            }
            undoUncertain(Change.CreatedProxy.class, c -> removedProxies.add(c.proxy()), errors, leftAlone);
            for (Map.Entry<String, Call<Proxy>> original : List.copyOf(replaced.entrySet())) {
                if (proxiesLeft().contains(original.getKey())) {
                    continue; // the run's proxy is still there: put the original back once it is gone
                }
                try {
                    original.getValue().call();
                    replaced.remove(original.getKey());
                    restored.add(original.getKey());
                } catch (IOException | RuntimeException ex) {
                    errors.add("restoring the original proxy " + original.getKey() + ": " + ex.getMessage());
                }
            }
            if (proxiesLeft().isEmpty()) {
                undoUncertain(Change.ReplacedProxy.class, c -> restored.add(c.proxy()), errors, leftAlone);
            }
            if (faults.isEmpty() && proxiesLeft().isEmpty() && originalsLeft().isEmpty() && inPlace().isEmpty()) {
                // A lease is released last, once nothing of the run is left on its proxy.
                for (Change.LeaseTaken l : List.copyOf(leases.values())) {
                    try {
                        if (l.undo(client) == Change.Outcome.UNDONE) {
                            released.add(l.proxy());
                        }
                        leases.remove(l.proxy());
                    } catch (IOException | RuntimeException ex) {
                        errors.add("releasing the lease on proxy " + l.proxy() + ": " + ex.getMessage());
                    }
                }
                undoUncertain(Change.LeaseTaken.class, c -> released.add(c.proxy()), errors, leftAlone);
            }
            return new Undo(removed, removedProxies, restored, released, inPlace(), errors, leftAlone);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** The proxies the run created (or may have: a creation unanswered) and has not deleted yet. */
    public List<String> proxiesLeft() {
        synchronized (createdProxies) {
            return Stream.concat(createdProxies.keySet().stream(), uncertain(Change.CreatedProxy.class)
                    .map(Change::proxy)).distinct().toList();
        }
    }

    /** The proxies the run replaced whose original is not back yet. */
    public List<String> originalsLeft() {
        synchronized (replaced) {
            return Stream.concat(replaced.keySet().stream(), uncertain(Change.ReplacedProxy.class)
                    .map(Change::proxy)).distinct().toList();
        }
    }

    /** The proxies whose lease the run holds (or may hold) and has not released yet. */
    public List<String> leasesLeft() {
        synchronized (leases) {
            return Stream.concat(leases.keySet().stream(), uncertain(Change.LeaseTaken.class)
                    .map(Change::proxy)).distinct().toList();
        }
    }

    /** True when nothing is left to undo. Takes no lock, as {@link #inPlace()}. */
    public boolean empty() {
        return faults.isEmpty() && createdProxies.isEmpty() && replaced.isEmpty() && leases.isEmpty()
                && uncertain.isEmpty();
    }

    /** True once a fault injection was journaled and attempted (so "every fault was removed" means something). */
    public boolean injectionTried() {
        return injectionTried;
    }

    /** Runs {@code call}; when it fails without an answer from Toxiproxy, keeps {@code undo} for later. */
    private <T> T attempt(Call<T> call, Change undo) throws IOException {
        try {
            return call.call();
        } catch (IOException e) {
            if (ToxiproxyClients.status(e) < 0 && !(e instanceof Leases.Held)) {
                uncertain.add(undo);
            }
            throw e;
        }
    }

    private <C extends Change> Stream<C> uncertain(Class<C> kind) {
        synchronized (uncertain) {
            return List.copyOf(uncertain).stream().filter(kind::isInstance).map(kind::cast);
        }
    }

    /**
     * Undoes the uncertain changes of one kind: each undone one is reported, each answered one
     * forgotten, each found to be someone else's now described in {@code leftAlone}.
     */
    private <C extends Change> void undoUncertain(Class<C> kind, Consumer<C> undone, List<String> errors,
            List<String> leftAlone) {
        uncertain(kind).forEach(c -> {
            try {
                Change.Outcome o = c.undo(client);
                if (o == Change.Outcome.UNDONE) {
                    undone.accept(c);
                } else if (o == Change.Outcome.NOT_OURS) {
                    leftAlone.add(c.notOurs());
                }
                uncertain.remove(c);
            } catch (IOException | RuntimeException ex) {
                errors.add("undoing " + c + ": " + ex.getMessage());
            }
        });
    }

    private boolean tryLock(long waitMs) {
        try {
            return lock.tryLock(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String describe(InjectedRef ref) {
        return ref.toxicName() == null ? "outage of proxy " + ref.proxy()
                : "toxic " + ref.toxicName() + " on proxy " + ref.proxy();
    }
}
