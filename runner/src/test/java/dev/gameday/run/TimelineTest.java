package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.experiment.Fault;
import dev.gameday.experiment.Step;
import dev.gameday.journal.PlanEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static Step fault(String name, String proxy, long seconds) {
        return new Step(name, new Fault(proxy, "latency", Fault.Stream.DOWNSTREAM, 1.0, Map.of("latency", 100L),
                Duration.ofSeconds(seconds), null), null, null);
    }

    private static Step pause(String name, long seconds) {
        return new Step(name, null, Duration.ofSeconds(seconds), null);
    }

    @Test
    void sequentialStepsFollowEachOtherAndParallelChildrenStartWithTheirBlock() {
        Timeline t = Timeline.of(List.of(
                fault("a", "db", 2),
                new Step("both", null, null, List.of(fault("b", "db", 3), pause("c", 5))),
                pause("d", 1)));

        assertThat(t.totalMs()).isEqualTo(2000 + 5000 + 1000);
        assertThat(t.plan()).containsExactly(
                new PlanEntry("a", "fault", null, 0, 2000, "db", "latency"),
                new PlanEntry("both", "parallel", null, 2000, 5000, null, null),
                new PlanEntry("b", "fault", "both", 2000, 3000, "db", "latency"),
                new PlanEntry("c", "pause", "both", 2000, 5000, null, null),
                new PlanEntry("d", "pause", null, 7000, 1000, null, null));
    }
}
