package dev.gameday.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PreflightCheckTest {
    private final JsonNode probe = JournalFixture.storefront("t").path("steadyState").path("probes").get(0);

    @Test
    void steadyStateHoldsWhenEveryBoundIsMet() {
        PreflightCheck check = PreflightCheck.steadyState(probe, new double[] {20, 30, 25, 40, 35},
                new boolean[] {true, true, true, true, true});
        assertThat(check.ok()).isTrue();
        assertThat(check.name()).isEqualTo("steady state of product-page right now");
        assertThat(check.detail()).isEqualTo("5 samples: success ratio 100% (tolerance >= 99%), p95 40 ms (tolerance <= 800 ms)");
    }

    @Test
    void oneSlowOrFailedSampleInFiveBreaksIt() {
        PreflightCheck check = PreflightCheck.steadyState(probe, new double[] {20, 30, 2000, 40, 35},
                new boolean[] {true, true, false, true, true});
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("success ratio 80% (tolerance >= 99%, NOT MET)")
                .contains("p95 2 s (tolerance <= 800 ms, NOT MET)");
        assertThat(PreflightCheck.steadyState(probe, new double[0], new boolean[0]).ok()).isFalse();
    }
}
