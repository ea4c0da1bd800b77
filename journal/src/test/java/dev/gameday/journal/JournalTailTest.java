package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a journal as it is written hands on what reading it whole would, line by whole line. */
class JournalTailTest {
    @TempDir
    Path tmp;

    static final String STARTED = "{\"type\":\"run.started\",\"t\":1000,\"seq\":0,\"v\":2,\"experiment\":{}}\n";
    static final String PHASE = "{\"type\":\"phase\",\"t\":1100,\"seq\":1,\"phase\":\"before\",\"plannedMs\":1000}\n";
    static final String SAMPLE = "{\"type\":\"sample\",\"t\":1200,\"seq\":2,\"probe\":\"p\",\"ok\":true,\"ms\":3.5}\n";

    void append(Path file, String text) throws Exception {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void handsOnEachLineOnceItIsWholeAndNothingTwice() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        List<JournalLine> seen = new ArrayList<>();
        JournalTail tail = new JournalTail(file, seen::add);
        append(file, STARTED + PHASE.substring(0, 20));
        tail.poll();
        assertThat(seen).extracting(JournalLine::type).containsExactly("run.started");

        append(file, PHASE.substring(20) + SAMPLE);
        tail.poll();
        tail.poll();
        assertThat(seen).extracting(JournalLine::type).containsExactly("run.started", "phase", "sample");
        assertThat(seen.get(1).body().path("plannedMs").asLong()).isEqualTo(1000);

        List<JournalLine> whole = new ArrayList<>();
        JournalReader.read(file, whole::add);
        assertThat(seen).isEqualTo(whole);
        assertThat(tail.summary().ended()).isFalse();
    }

    @Test
    void aDamagedLineIsSkippedAndSaidAsWhenReadWhole() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        List<JournalLine> seen = new ArrayList<>();
        JournalTail tail = new JournalTail(file, seen::add);
        append(file, STARTED + "not json\n" + SAMPLE);
        tail.poll();
        assertThat(seen).extracting(JournalLine::type).containsExactly("run.started", "sample");
        assertThat(tail.summary().problems()).containsExactly("line 2: not JSON; skipped");
    }

    @Test
    void aLineTooLongIsSkippedWhenItEndsHoweverManyPollsItTook() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        List<JournalLine> seen = new ArrayList<>();
        JournalTail tail = new JournalTail(file, seen::add);
        append(file, STARTED);
        byte[] half = new byte[JournalReader.MAX_LINE_BYTES / 2 + 1];
        java.util.Arrays.fill(half, (byte) 'x');
        Files.write(file, half, StandardOpenOption.APPEND);
        tail.poll();
        Files.write(file, half, StandardOpenOption.APPEND);
        tail.poll();
        assertThat(tail.summary().problems()).isEmpty(); // not over yet: the line has no end
        append(file, "\n" + SAMPLE);
        tail.poll();
        assertThat(seen).extracting(JournalLine::type).containsExactly("run.started", "sample");
        assertThat(tail.summary().problems()).containsExactly("line 2: longer than 16 MB; skipped");
    }
}
