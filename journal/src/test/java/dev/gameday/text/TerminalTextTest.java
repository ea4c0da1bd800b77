package dev.gameday.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapesEveryControlCharacter() {
        assertThat(TerminalText.safe("\u001b[2J\u001b]0;pwned\u0007\rall faults removed\n\tok"))
                .isEqualTo("\\e[2J\\e]0;pwned\\u0007\\rall faults removed\\n\\tok");
        assertThat(TerminalText.safe("nul\u0000 del\u007f csi\u009b[2J")).isEqualTo("nul\\u0000 del\\u007f csi\\u009b[2J");
        // reordering text on screen ("Trojan Source") and line separators
        assertThat(TerminalText.safe("a\u202eb\u2066c\u2028d")).isEqualTo("a\\u202eb\\u2066c\\u2028d");
        assertThat(TerminalText.safe("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
    }

    @Test
    void leavesPrintableUnicodeAlone() {
        String text = "Storefront survives: café, 東京, emoji 👩‍💻, a\\e written out, 99.9%";
        assertThat(TerminalText.safe(text)).isSameAs(text);
        assertThat(TerminalText.isPrintable(text)).isTrue();
        assertThat(TerminalText.safe(null)).isNull();
    }

    @Test
    void isIdempotent() {
        String once = TerminalText.safe("\u001b[31mred\u001b[0m\n");
        assertThat(TerminalText.safe(once)).isEqualTo(once);
        assertThat(TerminalText.isPrintable(once)).isTrue();
    }
}
