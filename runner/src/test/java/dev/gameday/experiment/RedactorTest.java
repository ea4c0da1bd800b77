package dev.gameday.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void replacesEverySecretLongestFirst() {
        Redactor r = Redactor.of(List.of("abc", "abcdef", ""));
        assertThat(r.redact("x abcdef y abc z")).isEqualTo("x *** y *** z");
        assertThat(r.redact(null)).isNull();
    }

    @Test
    void noneChangesNothing() {
        assertThat(Redactor.NONE.redact("abc")).isEqualTo("abc");
        assertThat(Redactor.of(Arrays.asList((String) null)).redact("abc")).isEqualTo("abc");
    }
}
