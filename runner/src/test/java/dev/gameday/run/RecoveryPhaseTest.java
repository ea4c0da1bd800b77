package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.RecoveryMeasured;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.text.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery phase on virtual time: the judge, the phase clock and a real journal as a run has them,
 * the clock moved by the test. A recovery bound of seconds is checked to the millisecond, without
 * waiting for it.
 */
class RecoveryPhaseTest {
    private static final long T0 = 1_800_000_000_000L;
    /** recovery.within 3 s; the phase is capped at 3 s plus the 1 s window. */
    private static final RecoveryBound BOUND = new RecoveryBound(3000L, 4000);

    @TempDir
    Path tmp;

    private final VirtualTimers timers = new VirtualTimers(T0);
    private final List<JournalEvent> recorded = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private Journal journal;
    private Judge judge;
    private PhaseClock phases;
    private RecoveryPhase recovery;
    private Long overAt;

    @BeforeEach
    void aRunInItsMethod() throws Exception {
        journal = Journal.create(tmp.resolve("journal.jsonl"), UnaryOperator.identity(), timers::now);
        judge = new Judge(Rules.of(experiment()), new Judge.Listener() {});
        RunListener listener = RunListener.lines(line -> said.add(line.strip()));
        phases = new PhaseClock(this::record, journal, listener, timers::now);
        recovery = new RecoveryPhase(judge, BOUND, phases, timers, this::record, listener);
        phases.enter(Phase.PREFLIGHT, 0);
        phases.enter(Phase.BEFORE, 1000);
        samples(T0, T0 + 1000, true);
        timers.advanceTo(T0 + 1000);
        phases.enter(Phase.METHOD, 2000);
    }

    @AfterEach
    void closeJournal() throws Exception {
        journal.close();
    }

    /** One probe every 100 ms, a 1 s window, at least 90% successes. */
    private static ObjectNode experiment() {
        ObjectNode e = new ObjectMapper().createObjectNode();
        ObjectNode probe = e.putObject("steadyState").putArray("probes").addObject();
        probe.put("name", "page").put("interval", 100).put("timeout", 2000);
        probe.putArray("check").add("continuously");
        probe.putObject("tolerance").put("window", 1000).putObject("successRatio").put("op", ">=").put("ratio", 0.9);
        e.putObject("recovery").put("within", 3000);
        return e;
    }

    private void record(JournalEvent event) {
        recorded.add(event);
        judge.on(journal.append(event), event);
    }

    /** Samples due every 100 ms in [from, to), each judged at its time, as the run's sampler delivers them. */
    private void samples(long from, long to, boolean ok) {
        for (long t = from; t < to; t += 100) {
            timers.advanceTo(t);
            judge.sample("page", t, ok, ok ? 5 : 2000);
            recovery.sampled();
        }
    }

    private void faultInAndOut(long in, long out) {
        timers.advanceTo(in);
        judge.faultInjected(in, "outage", "inventory");
        samples(in, out, false);
        timers.advanceTo(out);
        judge.faultRemoved(out, "outage");
    }

    /** What the session does once recovery is over: the steady state after begins. */
    private void over() {
        assertThat(overAt).as("recovery ends once").isNull();
        overAt = timers.now();
        phases.enter(Phase.AFTER, 1000);
    }

    private RecoveryMeasured measured() {
        return recorded.stream().filter(RecoveryMeasured.class::isInstance).map(RecoveryMeasured.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void recoveryWithinTheBoundEndsThePhaseAsSoonAsAWindowHoldsAgain() {
        faultInAndOut(T0 + 1000, T0 + 3000);
        recovery.start(this::over);
        samples(T0 + 3000, T0 + 3500, false); // still failing for half a second after the removal
        samples(T0 + 3500, T0 + 9000, true);

        RecoveryMeasured m = measured();
        assertThat(m.ok()).isTrue();
        assertThat(m.withinMs()).isEqualTo(3000L);
        // Recovered from the start of the first window that held: [3.4 s, 4.4 s), its one failure within
        // the 10% allowed; known at that window's last sample, which is when the phase ended.
        assertThat(m.recoveredAfterMs()).isEqualTo(400L);
        assertThat(overAt).isEqualTo(T0 + 4300);
        assertThat(said).contains("steady state recovered " + Units.seconds(m.recoveredAfterMs())
                + " after the faults were removed");
        assertThat(recorded.stream().filter(RecoveryMeasured.class::isInstance)).hasSize(1);
    }

    @Test
    void noRecoveryEndsThePhaseAtItsCapToTheMillisecond() {
        faultInAndOut(T0 + 1000, T0 + 3000);
        recovery.start(this::over);
        samples(T0 + 3000, T0 + 10_000, false);

        assertThat(overAt).isEqualTo(T0 + 3000 + BOUND.capMs());
        assertThat(measured()).isEqualTo(new RecoveryMeasured(null, 3000L, false));
        assertThat(said).contains("steady state did not recover");
        assertThat(recovery.recoveredAfterMs()).isNull();
    }

    @Test
    void aCapAlreadyPartlySpentCountsFromTheRemovalNotFromThePhase() {
        faultInAndOut(T0 + 1000, T0 + 3000);
        samples(T0 + 3000, T0 + 4500, false); // the method's last steps took 1.5 s after the removal
        recovery.start(this::over);
        samples(T0 + 4500, T0 + 10_000, false);

        assertThat(overAt).isEqualTo(T0 + 3000 + BOUND.capMs());
    }

    @Test
    void withoutAFaultRemovedThereIsNothingToRecoverFrom() {
        recovery.start(this::over);

        assertThat(overAt).isEqualTo(T0 + 1000);
        assertThat(recorded).noneMatch(RecoveryMeasured.class::isInstance);
        assertThat(recovery.recoveredAfterMs()).isNull();
    }
}
