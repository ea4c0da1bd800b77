package dev.gameday.fault;


import dev.gameday.journal.InjectedRef;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything a run changed on Toxiproxy and has not undone yet: faults in place (by step), proxies it
 * created, and proxies it replaced (with {@code --replace-proxies}), to be put back. Thread-safe; every change is a blocking call made under one lock, so the
 * shutdown hook can {@link #seal} the ledger and know that no injection is half-done or still to
 * come, then undo what is listed — even if the engine's event loop is stuck.
 */
public final class FaultLedger {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> faults = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Proxy> createdProxies = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Call<Proxy>> replaced = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean sealed;

    /** A fault in place: a toxic ({@code toxicName}) or an outage ({@code toxicName} null). */
    public record Entry(String step, String proxy, String toxicName, ActiveFault fault) {
        public InjectedRef ref() {
            return new InjectedRef(proxy, toxicName);
        }
    }

    /** What {@link #undoAll} removed, and what it could not remove (still possibly in place). */
    public record Undo(List<Entry> removedFaults, List<String> removedProxies, List<String> restoredProxies,
            List<InjectedRef> stillInjected, List<String> errors) {}

    /** A blocking Toxiproxy call. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    /** Runs the injection and records it, unless the ledger is sealed (then nothing happens: empty). */
    public Optional<Entry> inject(String step, String proxy, String toxicName, Call<ActiveFault> injection)
            throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            Entry e = new Entry(step, proxy, toxicName, injection.call());
            faults.put(step, e);
            return Optional.of(e);
        } finally {
            lock.unlock();
        }
    }

    /** Creates a proxy and records it for deletion, unless sealed. */
    public Optional<Proxy> createProxy(Call<Proxy> creation) throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            Proxy p = creation.call();
            createdProxies.put(p.getName(), p);
            return Optional.of(p);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes {@code existing} and creates the run's proxy in its place, recording how to put the
     * original back ({@code restore}) when the run's proxy is deleted; nothing happens when sealed.
     */
    public Optional<Proxy> replaceProxy(Proxy existing, Call<Proxy> creation, Call<Proxy> restore)
            throws IOException {
        lock.lock();
        try {
            if (sealed) {
                return Optional.empty();
            }
            existing.delete();
            replaced.put(existing.getName(), restore);
            Proxy p = creation.call();
            createdProxies.put(p.getName(), p);
            return Optional.of(p);
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

    /** The faults in place now. */
    public List<InjectedRef> inPlace() {
        lock.lock();
        try {
            return faults.values().stream().map(Entry::ref).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Undoes everything — faults first, then the proxies the run created — and forgets what was undone;
     * failures stay listed, so a later call retries them. Safe from any thread, sealed or not. Waits up
     * to {@code waitMs} for a change in flight, then goes on regardless (a stuck call must not keep
     * the rest in place).
     */
    public Undo undoAll(long waitMs) {
        boolean locked = tryLock(waitMs);
        try {
            List<Entry> removed = new ArrayList<>();
            List<String> removedProxies = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Entry e : List.copyOf(faults.values())) {
                try {
                    e.fault().remove();
                    faults.remove(e.step());
                    removed.add(e);
                } catch (IOException | RuntimeException ex) {
                    errors.add("removing " + describe(e.ref()) + ": " + ex.getMessage());
                }
            }
            for (Proxy p : List.copyOf(createdProxies.values())) {
                try {
                    p.delete();
                    createdProxies.remove(p.getName());
                    removedProxies.add(p.getName());
                } catch (IOException | RuntimeException ex) {
                    errors.add("deleting proxy " + p.getName() + ": " + ex.getMessage());
                }
            }
            List<String> restored = new ArrayList<>();
            for (Map.Entry<String, Call<Proxy>> original : List.copyOf(replaced.entrySet())) {
                if (createdProxies.containsKey(original.getKey())) {
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
            List<InjectedRef> still = List.copyOf(faults.values()).stream().map(Entry::ref).toList();
            return new Undo(removed, removedProxies, restored, still, errors);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** The proxies the run created and has not deleted yet. */
    public List<String> proxiesLeft() {
        synchronized (createdProxies) {
            return List.copyOf(createdProxies.keySet());
        }
    }

    /** True when nothing is left to undo. */
    public boolean empty() {
        lock.lock();
        try {
            return faults.isEmpty() && createdProxies.isEmpty() && replaced.isEmpty();
        } finally {
            lock.unlock();
        }
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
