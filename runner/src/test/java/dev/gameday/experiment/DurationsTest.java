package dev.gameday.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"250ms,250", "30s,30000", "5m,300000", "2h,7200000", "30d,2592000000", "1m30s,90000",
            "1.5s,1500", "0,0", "' 2s ',2000"})
    void parses(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void parsesMicroseconds() {
        assertThat(Durations.parse("500us")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Durations.parse("20µs")).isEqualTo(Duration.ofNanos(20_000));
    }

    @Test
    void rejectsWithAClearMessage() {
        assertThatThrownBy(() -> Durations.parse("-5s")).hasMessage("'-5s' is negative: a duration must not be negative");
        assertThatThrownBy(() -> Durations.parse("30")).hasMessage("'30' has no unit: write e.g. 30ms or 30s");
        assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageStartingWith("'5 minutes' is not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageStartingWith("a duration is required");
        assertThatThrownBy(() -> Durations.parse("999999999999d")).hasMessage("'999999999999d' is too long a duration");
    }

    @Test
    void formatsAsWritten() {
        for (String text : List.of("400ms", "2s", "1m30s", "30d", "1h1ms", "0s", "250us")) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
