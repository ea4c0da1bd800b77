package dev.gameday.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.fault.TrafficMeter;
import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.journal.PathChecked;
import dev.gameday.run.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict of a run that went to its end, from evidence alone. */
class VerdictPolicyTest {
    private static Evidence during(Status status) {
        return new Evidence("page", "during", null, "successRatio", ">= 99%", 0.5, "50%", status, 40, 20, 30,
                status == Status.FAIL ? 10 : 0, status == Status.FAIL ? 5000L : null);
    }

    private static PathChecked path(Boolean carried) {
        return new PathChecked("slow", "inventory", carried, "during the fault", carried == null ? null : 3L,
                carried == null ? null : 120L, carried == null ? null : 900L, carried == null ? "not verified: no metrics" : null);
    }

    @Test
    void aFaultThatCarriedNoTrafficIsInconclusiveEvenWhenEverythingHeld() {
        VerdictPolicy.Decision d = VerdictPolicy.completed(List.of(during(Status.PASS)), List.of(path(false)), 0L, null,
                true, true);
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.summary()).contains("fault slow on proxy inventory carried no traffic during the fault");
    }

    @Test
    void aPathThatCannotBeVerifiedHoldsWithACaveatEveryOutputCarries() {
        VerdictPolicy.Decision d = VerdictPolicy.completed(List.of(during(Status.PASS)), List.of(path(null)), 0L, null,
                true, true);
        assertThat(d.verdict()).isEqualTo(Verdict.HELD);
        assertThat(d.caveats()).containsExactly("the path of fault slow on proxy inventory was not verified (no metrics)");
        assertThat(d.summary()).contains("Caveat: the path of fault slow");
    }

    @Test
    void aFailingWindowRefutesAndASlowRecoveryToo() {
        assertThat(VerdictPolicy.completed(List.of(during(Status.FAIL)), List.of(path(true)), 0L, null, true, true)
                .verdict()).isEqualTo(Verdict.REFUTED);
        VerdictPolicy.Decision slow = VerdictPolicy.completed(List.of(during(Status.PASS)), List.of(path(true)), 6000L,
                5000L, true, true);
        assertThat(slow.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(slow.summary()).contains("recovered only after 6 s, expected within 5 s");
        assertThat(VerdictPolicy.completed(List.of(during(Status.NO_DATA)), List.of(path(true)), 0L, null, true, true)
                .verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aBaselineThatDidNotHoldStopsTheRunButNoBaselineJudgesNothing() {
        Evidence failed = new Evidence("page", "before", null, "p95", "<= 800 ms", 912.0, "912 ms", Status.FAIL, 30, 0,
                11, 2, 900L);
        assertThat(VerdictPolicy.baseline(List.of(failed), true).summary())
                .isEqualTo("Inconclusive: the steady state did not hold before any fault (page p95 rose to 912 ms "
                        + "before any fault, above <= 800 ms), so no fault was injected.");
        assertThat(VerdictPolicy.baseline(List.of(failed), false)).isNull();
    }

    /** A server that serves no proxy metrics (Toxiproxy without -proxy-metrics answers 404). */
    @Test
    void aServerWithoutMetricsLeavesThePathUnverifiedAndSaysWhy() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(404).end())
                    .listen(0, "127.0.0.1").await();
            TrafficMeter meter = new TrafficMeter(URI.create("http://127.0.0.1:" + server.actualPort()));
            TrafficMeter.Reading reading = meter.read("inventory");
            assertThat(reading.traffic()).isNull();
            assertThat(reading.unavailable()).contains("exposes no proxy metrics", "-proxy-metrics");
            PathChecked p = TrafficMeter.path("slow", "inventory", "during the fault", reading, reading);
            assertThat(p.carried()).isNull();
            assertThat(p.note()).startsWith("not verified: the Toxiproxy server at");
        } finally {
            vertx.close().await();
        }
    }
}
