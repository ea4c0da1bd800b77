package dev.gameday.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge's rules one at a time, on hand-made runs. */
class JudgeTest {
    private final List<String> aborts = new ArrayList<>();

    /** One probe every 100 ms, a 1 s window, success ratio at least 90%, checked continuously. */
    private static ObjectNode experiment(String abortMetric, String abortOp, double threshold, long sustained) {
        ObjectNode e = Scenario.JSON.createObjectNode();
        ObjectNode probe = e.putObject("steadyState").putArray("probes").addObject();
        probe.put("name", "page").put("interval", 100).put("timeout", 2000);
        probe.putArray("check").add("continuously");
        ObjectNode tolerance = probe.putObject("tolerance").put("window", 1000);
        tolerance.putObject("successRatio").put("op", ">=").put("ratio", 0.9);
        if (abortMetric != null) {
            e.putArray("abort").addObject().put("name", "collapsing").put("probe", "page").put("metric", abortMetric)
                    .put("op", abortOp).put("threshold", threshold).put("sustained", sustained);
        }
        return e;
    }

    private Judge judge(ObjectNode experiment) {
        return new Judge(Rules.of(experiment), new Judge.Listener() {
            @Override
            public void abortTripped(AbortRule rule, double observed, long windowEndT) {
                aborts.add(rule.name() + " " + rule.condition().format(observed) + " @" + windowEndT);
            }
        });
    }

    private static Evidence evidence(Judge judge, String phase) {
        return judge.evidence(phase).get(0);
    }

    /**
     * The report once judged "before" failed while the run had held: a sample due a few ms before the
     * method began came back after it. A sample belongs to the phase it was due in.
     */
    @Test
    void aSampleDueBeforeABoundaryBelongsToThatPhaseWhenItArrivesAfterIt() {
        Judge j = judge(experiment(null, null, 0, 0));
        j.phase(0, "before");
        for (long t = 5; t < 1000; t += 100) {
            j.sample("page", t, true, 3);
        }
        j.phase(1000, "method");
        j.sample("page", 995, false, 2000); // due in before, came back 2 s later
        for (long t = 1005; t < 3000; t += 100) {
            j.sample("page", t, true, 3);
        }

        assertThat(evidence(j, "before").samples()).isEqualTo(11);
        assertThat(evidence(j, "before").failures()).isEqualTo(1);
        assertThat(evidence(j, "before").observed()).isEqualTo(10 / 11.0);
        assertThat(evidence(j, "during").samples()).isEqualTo(20);
        assertThat(evidence(j, "during").failures()).isZero();
        assertThat(evidence(j, "during").status()).isEqualTo(Status.PASS);
    }

    @Test
    void windowsNeverReachIntoAnotherPhaseAndAShortPhaseIsJudgedWhole() {
        Judge j = judge(experiment(null, null, 0, 0));
        j.phase(0, "before");
        for (long t = 0; t < 2000; t += 100) {
            j.sample("page", t, t < 1000, 5); // the last second of before fails
        }
        j.phase(2000, "method");
        for (long t = 2000; t < 2500; t += 100) {
            j.sample("page", t, true, 5); // half a window: judged whole
        }

        Evidence before = evidence(j, "before");
        assertThat(before.observed()).isEqualTo(0.0);
        assertThat(before.windows()).isEqualTo(11);
        Evidence during = evidence(j, "during");
        assertThat(during.windows()).isEqualTo(1);
        assertThat(during.observed()).isEqualTo(1.0);
        assertThat(during.status()).isEqualTo(Status.PASS);
    }

    @Test
    void anAbortConditionNowIsItsValueOverItsWindowSoFarAgainstItsBound() {
        Judge j = judge(experiment("successRatio", "<", 0.5, 2000));
        j.phase(0, "before");
        AbortNow idle = j.abortsNow().get(0);
        assertThat(idle.watching()).isFalse();
        assertThat(idle.value()).isNaN();
        j.phase(10_000, "method");
        for (long slot = 10_000; slot < 10_400; slot += 100) {
            j.sample("page", slot, slot < 10_300, 20);
        }
        AbortNow now = j.abortsNow().get(0);
        assertThat(now.watching()).isTrue();
        assertThat(now.value()).isEqualTo(0.75);
        assertThat(now.inRange()).isFalse();
        assertThat(now.tripped()).isFalse();
        for (long slot = 10_400; slot <= 12_000; slot += 100) {
            j.sample("page", slot, false, 2000);
        }
        AbortNow tripped = j.abortsNow().get(0);
        assertThat(tripped.tripped()).isTrue();
        assertThat(tripped.inRange()).isTrue();
        assertThat(aborts).singleElement().asString().startsWith("collapsing "
                + tripped.rule().condition().format(tripped.value()) + " @");
    }

    @Test
    void anAbortTripsOnlyOnceAWholeWindowOfWatchingShowsIt() {
        Judge j = judge(experiment("successRatio", "<", 0.5, 2000));
        j.phase(0, "before");
        j.phase(10_000, "method");
        for (long slot = 10_000; slot < 11_900; slot += 100) {
            j.sample("page", slot, false, 2000);
        }
        assertThat(aborts).isEmpty();
        j.sample("page", 11_900, false, 2000);
        assertThat(aborts).containsExactly("collapsing 0% @11900");
        j.sample("page", 12_000, false, 2000);
        assertThat(aborts).hasSize(1);
    }

    @Test
    void anAbortWatchesLatencyPercentilesAndOnlyFromTheMethod() {
        Judge j = judge(experiment("p95", ">", 2000, 1000));
        j.phase(0, "before");
        for (long slot = 0; slot < 2000; slot += 100) {
            j.sample("page", slot, true, 2500); // slow before the method: not watched yet
        }
        assertThat(aborts).isEmpty();
        j.phase(2000, "method");
        for (long slot = 2000; slot <= 3000; slot += 100) {
            j.sample("page", slot, true, 2500);
        }
        assertThat(aborts).containsExactly("collapsing 2.5 s @2900");
        assertThatThrownBy(() -> Metric.parse("p0")).hasMessageContaining("unknown metric 'p0'");
    }

    /** For {@code successRatio <= 50%} the worst window is the highest ratio, not the lowest. */
    @Test
    void theWorstWindowFollowsTheComparisonNotTheMetric() {
        Bound atMostHalf = new Bound(Metric.SUCCESS_RATIO, Comparison.LE, 0.5);
        assertThat(atMostHalf.worse(0.2, 0.7)).isEqualTo(0.7);
        Bound atLeast = new Bound(Metric.SUCCESS_RATIO, Comparison.GE, 0.99);
        assertThat(atLeast.worse(0.2, 0.7)).isEqualTo(0.2);
    }

    /** "success ratio exceeded tolerance (>= 99%) … (observed 98.04%)" said a drop was an excess. */
    @Test
    void sentencesSayWhichWayTheValueWent() {
        Evidence drop = new Evidence("page", "during", "slow", "successRatio", ">= 99%", 0.9804, "98.04%", Status.FAIL,
                50, 1, 10, 3, 5000L);
        assertThat(Sentences.observation(drop))
                .isEqualTo("page success ratio fell to 98.04% during step slow, below >= 99%");
        Evidence slow = new Evidence("page", "after", null, "p95", "<= 800 ms", 912.0, "912 ms", Status.FAIL, 30, 0,
                11, 2, 9000L);
        assertThat(Sentences.observation(slow)).isEqualTo("page p95 rose to 912 ms after recovery, above <= 800 ms");
        Evidence held = new Evidence("page", "before", null, "p95", "<= 800 ms", 12.0, "12 ms", Status.PASS, 30, 0,
                11, 0, null);
        assertThat(Sentences.observation(held))
                .isEqualTo("page p95 stayed within <= 800 ms before any fault (worst window 12 ms)");
    }
}
