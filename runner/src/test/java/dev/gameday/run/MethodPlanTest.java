package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.experiment.Fault;
import dev.gameday.experiment.Ramp;
import dev.gameday.experiment.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The method's plan and the phase machine, read without running anything: no timers, no waiting. */
class MethodPlanTest {
    private static Step fault(String name, long seconds, Ramp ramp) {
        return new Step(name, new Fault("db", "latency", Fault.Stream.DOWNSTREAM, 1.0, Map.of("latency", 100L),
                Duration.ofSeconds(seconds), ramp), null, null);
    }

    private static Step pause(String name, long seconds) {
        return new Step(name, null, Duration.ofSeconds(seconds), null);
    }

    private static List<String> described(MethodPlan plan) {
        return plan.moments().stream().flatMap(m -> m.actions().stream().map(a -> "+" + m.offsetMs() + " "
                + switch (a.getClass().getSimpleName()) {
                    case "Start" -> "start " + a.entry().step().name();
                    case "End" -> "end " + a.entry().step().name();
                    default -> "move " + a.entry().step().name() + " to " + ((MethodPlan.Move) a).value();
                })).toList();
    }

    @Test
    void aRampMovesItsAttributeEveryStepUntilItsTimeIsOverAndThenHolds() {
        Ramp ramp = new Ramp("latency", 100, 500, Duration.ofSeconds(2), Duration.ofSeconds(1));
        MethodPlan plan = MethodPlan.of(Timeline.of(List.of(fault("slow", 4, ramp))));

        assertThat(described(plan)).containsExactly("+0 start slow", "+1000 move slow to 300", "+2000 move slow to 500",
                "+4000 end slow");
        assertThat(plan.totalMs()).isEqualTo(4000);
    }

    @Test
    void atOneMomentStepsEndFirstChildrenBeforeTheirBlockThenTheNextStarts() {
        MethodPlan plan = MethodPlan.of(Timeline.of(List.of(
                new Step("both", null, null, List.of(fault("a", 2, null), pause("b", 2))),
                fault("c", 1, null))));

        assertThat(described(plan)).containsExactly("+0 start both", "+0 start a", "+0 start b",
                "+2000 end b", "+2000 end a", "+2000 end both", "+2000 start c", "+3000 end c");
    }

    @Test
    void aRunGoesThroughItsPhasesInOrderAndMayOnlyEndEarlyInRollback() {
        Phase p = Phase.PREFLIGHT;
        for (Phase next : List.of(Phase.BEFORE, Phase.METHOD, Phase.RECOVERY, Phase.AFTER, Phase.ROLLBACK, Phase.DONE)) {
            p = p.then(next);
        }
        assertThat(p).isEqualTo(Phase.DONE);
        assertThat(Phase.BEFORE.then(Phase.ROLLBACK)).isEqualTo(Phase.ROLLBACK);
        assertThatThrownBy(() -> Phase.BEFORE.then(Phase.RECOVERY)).hasMessageContaining("from before to recovery");
        assertThatThrownBy(() -> Phase.DONE.then(Phase.ROLLBACK)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoveryIsCappedAtItsBoundPlusTheLongestWindowAndMetOnlyInTime() {
        RecoveryBound bounded = new RecoveryBound(5000L, 5000 + 2000);
        assertThat(bounded.met(true, 4000L)).isTrue();
        assertThat(bounded.met(true, 6000L)).isFalse();
        assertThat(bounded.met(true, null)).isFalse();
        assertThat(bounded.met(false, null)).as("nothing to recover from").isTrue();
        assertThat(new RecoveryBound(null, RecoveryBound.DEFAULT_CAP.toMillis()).met(true, 60_000L)).isTrue();
    }
}
