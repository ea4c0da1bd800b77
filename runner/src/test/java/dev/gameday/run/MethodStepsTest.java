package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.Fault;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Step;
import dev.gameday.fault.FaultLedger;
import dev.gameday.fault.TrafficMeter;
import dev.gameday.journal.FaultRemoved;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.StepEnded;
import dev.gameday.journal.StepStarted;
import dev.gameday.proxy.EmbeddedToxiproxy;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method's steps on virtual time, against a real embedded Toxiproxy: an eleven-minute method — a
 * latency ramped over eight minutes, held, removed, then a pause — plays out in well under a second,
 * each change on the proxy at its minute and none before it.
 */
class MethodStepsTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final long MINUTE = 60_000;

    @TempDir
    Path tmp;

    private final VirtualTimers timers = new VirtualTimers(T0);
    private final List<JournalEvent> recorded = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private EmbeddedToxiproxy server;
    private ToxiproxyClient client;
    private Journal journal;
    private Context context;
    private FaultSteps faults;
    private MethodSteps steps;
    private volatile Long methodOverAt;

    @BeforeEach
    void aProxyAndTheRunsMachinery() throws Exception {
        vertx = Vertx.vertx();
        server = await(EmbeddedToxiproxy.start(vertx, "127.0.0.1", 0));
        client = new ToxiproxyClient("127.0.0.1", server.port());
        Proxy db = client.createProxy("db", "127.0.0.1:0", "127.0.0.1:9");
        journal = Journal.create(tmp.resolve("journal.jsonl"), UnaryOperator.identity(), timers::now);
        URI url = URI.create(server.url());
        String runId = "0123abcd-method-steps";
        RunListener quiet = RunListener.printing(new PrintStream(OutputStream.nullOutputStream()));
        faults = new FaultSteps(vertx, new FaultLedger(url, runId, journal::appendDurably), this::record, quiet, runId,
                new HashMap<>(Map.of("db", db)), client, new TrafficMeter(url), new HashMap<>(), failures::add);
        steps = new MethodSteps(this::record, quiet, faults, () -> false);
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() throws Exception {
        journal.close();
        await(server.close());
        await(vertx.close());
    }

    private void record(JournalEvent event) {
        recorded.add(event);
        journal.append(event);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Moves virtual time to {@code offsetMs} into the method, on the run's event loop, and waits for the calls it made. */
    private void at(long offsetMs) throws Exception {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        context.runOnContext(v -> {
            timers.advanceTo(T0 + offsetMs);
            faults.settled().onComplete(r -> settled.complete(null));
        });
        settled.get(30, TimeUnit.SECONDS);
    }

    private List<Long> latencies() throws Exception {
        return client.getProxy("db").toxics().getAll().stream().map(t -> (long) ((Latency) t).getLatency()).toList();
    }

    private List<? extends Toxic> toxics() throws Exception {
        return client.getProxy("db").toxics().getAll();
    }

    @Test
    void aRampOfMinutesMovesTheToxicAtEachOfItsMomentsAndTheMethodEndsOnTime() throws Exception {
        Ramp ramp = new Ramp("latency", 100, 500, Duration.ofMinutes(8), Duration.ofMinutes(2));
        Step creep = new Step("creep", new Fault("db", "latency", Fault.Stream.DOWNSTREAM, 1.0, Map.of("latency", 100L),
                Duration.ofMinutes(10), ramp), null, null);
        MethodPlan plan = MethodPlan.of(Timeline.of(List.of(creep, new Step("watch", null, Duration.ofMinutes(1), null))));
        CompletableFuture<Void> scheduled = new CompletableFuture<>();
        context.runOnContext(v -> {
            steps.schedule(plan, timers, () -> methodOverAt = timers.now());
            scheduled.complete(null);
        });
        scheduled.get(30, TimeUnit.SECONDS);

        at(1); // a timer never runs within the task that set it: the first moment is 1 ms in
        assertThat(latencies()).containsExactly(100L);
        long[] expected = {200, 300, 400, 500};
        for (int i = 0; i < expected.length; i++) {
            long moment = (i + 1) * 2 * MINUTE;
            at(moment - 1);
            assertThat(latencies()).as("a millisecond before minute %d", moment / MINUTE)
                    .containsExactly(i == 0 ? 100L : expected[i - 1]);
            at(moment);
            assertThat(latencies()).as("at minute %d", moment / MINUTE).containsExactly(expected[i]);
        }
        at(10 * MINUTE - 1);
        assertThat(toxics()).hasSize(1);
        at(10 * MINUTE);
        assertThat(toxics()).as("removed at the step's end").isEmpty();
        assertThat(methodOverAt).as("the pause is still running").isNull();
        at(11 * MINUTE);

        assertThat(methodOverAt).isEqualTo(T0 + 11 * MINUTE);
        assertThat(failures).isEmpty();
        assertThat(recorded).filteredOn(StepStarted.class::isInstance).extracting(e -> ((StepStarted) e).step())
                .containsExactly("creep", "watch");
        assertThat(recorded).filteredOn(StepEnded.class::isInstance).extracting(e -> ((StepEnded) e).step())
                .containsExactly("creep", "watch");
        assertThat(recorded).filteredOn(FaultRemoved.class::isInstance).hasSize(1);
        assertThat(steps.open()).isEmpty();
    }
}
