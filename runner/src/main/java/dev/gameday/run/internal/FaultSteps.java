package dev.gameday.run.internal;

import dev.gameday.experiment.Fault;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.FaultTypes;
import dev.gameday.fault.ToxicNames;
import dev.gameday.fault.spi.FaultType;
import dev.gameday.journal.FaultInjected;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.FaultUpdated;
import dev.gameday.journal.Journal;
import dev.gameday.journal.ToxicSpec;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fault steps of a method on Toxiproxy: inject, ramp, remove. Each call is a blocking
 * toxiproxy-java call made through the {@link FaultLedger} on a worker thread; the calls of one step
 * are chained, so a ramp or a removal never overtakes the injection. Outcomes are journaled; a failed
 * call is reported to {@code onFailure} (Toxiproxy misbehaving ends the run). Event-loop confined.
 */
final class FaultSteps {
    private final Vertx vertx;
    private final FaultLedger ledger;
    private final Journal journal;
    private final Progress progress;
    private final String runId;
    private final Map<String, Proxy> proxies;
    private final Consumer<Throwable> onFailure;
    private final Map<String, Future<Void>> ops = new LinkedHashMap<>();
    private final Map<String, Long> injectedAt = new LinkedHashMap<>();
    private Long lastRemovalAt;

    FaultSteps(Vertx vertx, FaultLedger ledger, Journal journal, Progress progress, String runId,
            Map<String, Proxy> proxies, Consumer<Throwable> onFailure) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.journal = journal;
        this.progress = progress;
        this.runId = runId;
        this.proxies = proxies;
        this.onFailure = onFailure;
    }

    /** Puts the step's fault in place (a ramped attribute starts at {@code from}). */
    void inject(String step, Fault f) {
        FaultType type = FaultTypes.require(f.toxic());
        boolean down = Fault.DOWN.equals(f.toxic());
        String toxicName = down ? null : ToxicNames.of(runId, step);
        Map<String, Long> attributes = new LinkedHashMap<>(f.attributes());
        if (f.ramp() != null) {
            attributes.put(f.ramp().attribute(), f.ramp().from());
        }
        Proxy proxy = proxies.get(f.proxy());
        ToxicDirection stream = f.stream() == Fault.Stream.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
        FaultType.Request request = new FaultType.Request(toxicName, stream, f.toxicity(), attributes);
        ToxicSpec spec = down ? ToxicSpec.down() : spec(step, f, attributes);
        chain(step, vertx.executeBlocking(
                () -> ledger.inject(step, f.proxy(), toxicName, () -> type.inject(proxy, request)), false)
                .map(injected -> {
                    if (injected.isPresent()) {
                        journal.append(new FaultInjected(step, f.proxy(), spec));
                        injectedAt.put(step, System.currentTimeMillis());
                        progress.event("  + " + (down ? "outage (down)" : f.toxic() + " " + spec.attributes())
                                + " injected on proxy " + f.proxy());
                    }
                    return null;
                }));
    }

    /** Moves the step's ramped attribute to {@code value}. */
    void ramp(String step, Fault f, long value) {
        chain(step, ops.get(step).compose(v -> vertx.executeBlocking(
                () -> ledger.update(step, f.ramp().attribute(), value), false)).map(updated -> {
                    if (updated) {
                        Map<String, Long> attributes = new LinkedHashMap<>(f.attributes());
                        attributes.put(f.ramp().attribute(), value);
                        journal.append(new FaultUpdated(step, f.proxy(), spec(step, f, attributes)));
                    }
                    return null;
                }));
    }

    /** Removes the step's fault; completes once that is done and journaled. */
    Future<Void> remove(String step) {
        return chain(step, ops.getOrDefault(step, Future.succeededFuture())
                .compose(v -> vertx.executeBlocking(() -> ledger.remove(step), false))
                .map(removed -> {
                    removed.ifPresent(r -> {
                        journal.append(new FaultRemoved(step, r.proxy(), r.toxicName(), "completed"));
                        lastRemovalAt = System.currentTimeMillis();
                        progress.event("  - fault of step " + step + " removed from proxy " + r.proxy());
                    });
                    return null;
                }));
    }

    /** Completes once every call made so far has completed (failed or not). */
    Future<Void> settled() {
        return Future.join(new ArrayList<>(ops.values())).mapEmpty();
    }

    /** When each injected step's fault went in, in injection order. */
    Map<String, Long> injectedAt() {
        return injectedAt;
    }

    /** When the last fault came off; null when none did. */
    Long lastRemovalAt() {
        return lastRemovalAt;
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
