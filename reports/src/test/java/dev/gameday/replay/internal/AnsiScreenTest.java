package dev.gameday.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiScreenTest {
    private static final String UP_AND_ERASE_2 = "\033[2F\033[J";

    @Test
    void keepsTheStatusLinesBelowTheFeedByRedrawingThemInPlace() {
        StringWriter written = new StringWriter();
        AnsiScreen screen = new AnsiScreen(new PrintWriter(written), 30);

        screen.line("first");
        screen.status(List.of("a  ok 100.0%", "b  ok  50.0%  p95 1200 ms  ▁▁▂▃▅▇█▇▅"));
        screen.line("second");
        screen.settle();
        screen.line("last");

        String nl = System.lineSeparator();
        assertThat(written.toString()).isEqualTo("first" + nl
                + "a  ok 100.0%" + nl + "b  ok  50.0%  p95 1200 ms  ▁▁" + nl
                + UP_AND_ERASE_2 + "second" + nl + "a  ok 100.0%" + nl + "b  ok  50.0%  p95 1200 ms  ▁▁" + nl
                + "last" + nl);
    }
}
