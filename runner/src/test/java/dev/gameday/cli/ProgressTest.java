package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.run.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status line: phase and time left, steps, each probe's window as the judge sees it, the aborts. */
class ProgressTest {
    @Test
    void aLatencyProbeShowsItsP95AndAValueProbeItsValue() {
        RunStatus status = new RunStatus("method", 4200, List.of("slow-inventory"), List.of(
                new RunStatus.ProbeNow("product-page", 0.9804, 412.3, null),
                new RunStatus.ProbeNow("error-ratio", 1.0, 3.2, "0.0125")),
                List.of(new RunStatus.AbortNow("page-down", true, "successRatio", "< 50%", 1000)));

        assertThat(Progress.line(status)).isEqualTo("method 4.2s left · step slow-inventory"
                + " · product-page success 98.04% p95 412 ms · error-ratio success 100% value 0.0125"
                + " · abort page-down armed (trips at successRatio < 50% for 1 s)");
    }
}
