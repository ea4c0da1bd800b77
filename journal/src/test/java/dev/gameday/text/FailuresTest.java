package dev.gameday.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aFailureIsItsMessage() {
        assertThat(Failures.message(new IOException("disk full"))).isEqualTo("disk full");
    }

    @Test
    void aFailureWithoutWordsIsWhatItIs() {
        assertThat(Failures.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
        assertThat(Failures.message(new IllegalStateException(" "))).isEqualTo("java.lang.IllegalStateException:  ");
    }
}
