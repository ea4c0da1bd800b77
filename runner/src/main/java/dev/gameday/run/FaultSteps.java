package dev.gameday.run;

import dev.gameday.experiment.Fault;
import dev.gameday.fault.Change;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultRequest;
import dev.gameday.fault.ToxicNames;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.fault.Injector;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.FaultInjecting;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.FaultUpdated;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.PathChecked;
import dev.gameday.journal.ToxicSpec;
import dev.gameday.toxic.FaultKind;
import dev.gameday.toxic.FaultKinds;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The fault steps of a method on Toxiproxy: inject, ramp, remove, and the proof that each fault was on
 * the traffic path. Each call is a blocking toxiproxy-java call made through the {@link FaultLedger} on
 * a worker thread, after its {@code fault.injecting} intent is on disk; the calls of one step are chained, so a ramp or a removal never overtakes the
 * injection. The proxy's traffic counters are read right after an injection and right before its
 * removal: what it carried in between is the step's {@link PathChecked}. An outage disables the proxy
 * — nothing can cross it — so its path is what the proxy carried from pre-flight until it went down.
 * Outcomes are recorded through {@code record} (journal and judge); a failed call is reported to
 * {@code onFailure}, as is a failed {@link #heartbeat}. Event-loop confined.
 */
final class FaultSteps {
    private final Vertx vertx;
    private final FaultLedger ledger;
    private final Consumer<JournalEvent> record;
    private final RunListener progress;
    private final String runId;
    private final Map<String, Proxy> proxies;
    private final ToxiproxyClient client;
    private final TrafficMeter meter;
    private final Injector injector;
    private final Map<String, TrafficMeter.Reading> sincePreflight;
    private final Consumer<Throwable> onFailure;
    private final Map<String, Future<Void>> ops = new LinkedHashMap<>();
    /** The counters right after each toxic went in; taken (on a worker) by whoever reads them at its end. */
    private final Map<String, TrafficMeter.Reading> atInjection = new ConcurrentHashMap<>();
    private final List<PathChecked> paths = new ArrayList<>();
    private boolean heartbeatInFlight;

    FaultSteps(Vertx vertx, FaultLedger ledger, Consumer<JournalEvent> record, RunListener progress, String runId,
            Map<String, Proxy> proxies, ToxiproxyClient client, TrafficMeter meter,
            Map<String, TrafficMeter.Reading> sincePreflight, Consumer<Throwable> onFailure) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.record = record;
        this.progress = progress;
        this.runId = runId;
        this.proxies = proxies;
        this.client = client;
        this.meter = meter;
        this.injector = new Injector(meter.url());
        this.sincePreflight = sincePreflight;
        this.onFailure = onFailure;
    }

    /** Asks Toxiproxy whether it is still there (one question at a time): a failure ends the run. */
    void heartbeat() {
        if (heartbeatInFlight) {
            return;
        }
        heartbeatInFlight = true;
        vertx.executeBlocking(client::getProxies, false).onComplete(r -> {
            heartbeatInFlight = false;
            if (r.failed()) {
                onFailure.accept(r.cause());
            }
        });
    }

    /** Puts the step's fault in place (a ramped attribute starts at {@code from}). */
    void inject(String step, Fault f) {
        FaultKind kind = FaultKinds.require(f.toxic());
        boolean down = kind.outage();
        String toxicName = down ? null : ToxicNames.of(runId, step);
        Map<String, Long> attributes = new LinkedHashMap<>(f.attributes());
        if (f.ramp() != null) {
            attributes.put(f.ramp().attribute(), f.ramp().from());
        }
        Proxy proxy = proxies.get(f.proxy());
        FaultRequest request = new FaultRequest(toxicName, f.stream().key(), f.toxicity(), attributes);
        ToxicSpec spec = down ? ToxicSpec.down() : spec(step, f, attributes);
        chain(step, vertx.executeBlocking(() -> {
            TrafficMeter.Reading beforeOutage = down ? meter.read(f.proxy()) : null;
            // Write-ahead: the intent names the exact change, and for an outage whether there is anything
            // to undo (a proxy already disabled stays so), before the call is made.
            Boolean enabledBefore = down ? client.getProxy(f.proxy()).isEnabled() : null;
            Change change = down ? new Change.Outage(step, f.proxy(), enabledBefore)
                    : new Change.AddedToxic(step, f.proxy(), toxicName);
            boolean injected = ledger.inject(step, f.proxy(), toxicName,
                    new FaultInjecting(step, f.proxy(), spec, enabledBefore), change,
                    () -> injector.inject(proxy, kind, request)).isPresent();
            return new Injection(injected, down ? beforeOutage : meter.read(f.proxy()));
        }, false).map(injection -> {
            if (injection.done()) {
                record.accept(new FaultInjected(step, f.proxy(), spec, f.with(attributes).words()));
                progress.event("  + " + (down ? "outage (down)" : f.toxic() + " " + spec.attributes())
                        + " injected on proxy " + f.proxy());
                if (down) {
                    pathChecked(TrafficMeter.path(step, f.proxy(), "before the outage",
                            sincePreflight.get(f.proxy()), injection.reading()));
                } else {
                    atInjection.put(step, injection.reading());
                }
            }
            return null;
        }));
    }

    private record Injection(boolean done, TrafficMeter.Reading reading) {}

    /** Moves the step's ramped attribute to {@code value}. */
    void ramp(String step, Fault f, long value) {
        chain(step, ops.get(step).compose(v -> vertx.executeBlocking(
                () -> ledger.update(step, f.ramp().attribute(), value), false)).map(updated -> {
                    if (updated) {
                        Map<String, Long> attributes = new LinkedHashMap<>(f.attributes());
                        attributes.put(f.ramp().attribute(), value);
                        record.accept(new FaultUpdated(step, f.proxy(), spec(step, f, attributes),
                                f.with(attributes).words()));
                    }
                    return null;
                }));
    }

    /** Removes the step's fault; completes once that is done and journaled. */
    Future<Void> remove(String step) {
        return chain(step, ops.getOrDefault(step, Future.succeededFuture())
                .compose(v -> vertx.executeBlocking(() -> {
                    TrafficMeter.Reading in = atInjection.remove(step);
                    FaultLedger.Entry entry = ledger.inPlace(step);
                    TrafficMeter.Reading now = in != null && entry != null ? meter.read(entry.proxy()) : null;
                    return new Removal(ledger.remove(step).orElse(null), in, now);
                }, false))
                .map(removal -> {
                    if (removal.entry() != null) {
                        FaultLedger.Entry r = removal.entry();
                        if (removal.during() != null) {
                            pathChecked(TrafficMeter.path(step, r.proxy(), "during the fault", removal.atInjection(),
                                    removal.during()));
                        }
                        record.accept(new FaultRemoved(step, r.proxy(), r.toxicName(), "completed"));
                        progress.event("  - fault of step " + step + " removed from proxy " + r.proxy());
                    }
                    return null;
                }));
    }

    private record Removal(FaultLedger.Entry entry, TrafficMeter.Reading atInjection, TrafficMeter.Reading during) {}

    private void pathChecked(PathChecked path) {
        paths.add(path);
        record.accept(path);
        if (Boolean.FALSE.equals(path.carried())) {
            progress.event("  ! proxy " + path.proxy() + " carried no traffic " + path.basis() + " of step "
                    + path.step() + ": the system under test does not use it");
        }
    }

    /**
     * What the proxies of the faults still in place have carried until now, read before a teardown
     * takes them off all at once (abort, error): once it has deleted a proxy the run created, that
     * proxy's counters are gone. Blocking: call on a worker thread.
     */
    Map<String, TrafficMeter.Reading> readingsBeforeTeardown() {
        Map<String, TrafficMeter.Reading> now = new HashMap<>();
        for (String step : atInjection.keySet()) {
            FaultLedger.Entry e = ledger.inPlace(step);
            if (e != null) {
                now.put(step, meter.read(e.proxy()));
            }
        }
        return now;
    }

    /** The path evidence of faults a teardown took off: what their proxies carried from the injection to its start. */
    List<PathChecked> pathsOfUndone(List<FaultLedger.Entry> undone, Map<String, TrafficMeter.Reading> atTeardown) {
        List<PathChecked> out = new ArrayList<>();
        for (FaultLedger.Entry e : undone) {
            TrafficMeter.Reading in = atInjection.remove(e.step());
            TrafficMeter.Reading end = atTeardown.get(e.step());
            if (in != null && end != null) {
                out.add(TrafficMeter.path(e.step(), e.proxy(), "during the fault", in, end));
            }
        }
        return out;
    }

    /** Journals path evidence found on a worker thread; on the event loop. */
    void pathsChecked(List<PathChecked> found) {
        found.forEach(this::pathChecked);
    }

    /** Completes once every call made so far has completed (failed or not). */
    Future<Void> settled() {
        return Future.join(new ArrayList<>(ops.values())).mapEmpty();
    }

    /** The path evidence of every fault step so far. */
    List<PathChecked> paths() {
        return List.copyOf(paths);
    }

    private ToxicSpec spec(String step, Fault f, Map<String, Long> attributes) {
        return new ToxicSpec(ToxicNames.of(runId, step), f.toxic(), f.stream().key(), f.toxicity(),
                Map.copyOf(attributes));
    }

    private Future<Void> chain(String step, Future<Void> op) {
        ops.put(step, op);
        op.onFailure(onFailure::accept);
        return op;
    }
}
