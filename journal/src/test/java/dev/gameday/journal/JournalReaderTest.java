package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    private List<JournalLine> read(String content, JournalSummary[] summary) throws IOException {
        Path journal = dir.resolve(JournalReader.FILE_NAME);
        Files.writeString(journal, content);
        List<JournalLine> events = new ArrayList<>();
        summary[0] = JournalReader.read(JournalReader.locate(dir), events::add);
        return events;
    }

    @Test
    void readsEveryEventOfAFinishedRun() throws IOException {
        JournalSummary[] summary = new JournalSummary[1];
        List<JournalLine> events = read("""
                {"type":"run.started","t":1000,"seq":0,"v":1}
                {"type":"sample","t":1100,"seq":1,"probe":"p","ok":true,"ms":3.5}
                {"type":"run.ended","t":2000,"seq":2,"exitCode":0}
                """, summary);
        assertThat(events).extracting(JournalLine::type).containsExactly("run.started", "sample", "run.ended");
        assertThat(events.get(1).body().path("ms").asDouble()).isEqualTo(3.5);
        assertThat(summary[0].ended()).isTrue();
        assertThat(summary[0].partial()).isFalse();
    }

    @Test
    void toleratesATruncatedLastLine() throws IOException {
        JournalSummary[] summary = new JournalSummary[1];
        List<JournalLine> events = read("""
                {"type":"run.started","t":1000,"seq":0,"v":1}
                {"type":"sample","t":1100,"seq":1,"probe":"p","ok":tr""", summary);
        assertThat(events).hasSize(1);
        assertThat(summary[0].truncatedLastLine()).isTrue();
        assertThat(summary[0].ended()).isFalse();
        assertThat(summary[0].partial()).isTrue();
        assertThat(summary[0].problems()).isEmpty();
    }

    @Test
    void skipsAndReportsADamagedMiddleLine() throws IOException {
        JournalSummary[] summary = new JournalSummary[1];
        List<JournalLine> events = read("""
                {"type":"run.started","t":1000,"seq":0,"v":1}
                garbage
                {"type":"run.ended","t":2000,"seq":2}
                """, summary);
        assertThat(events).hasSize(2);
        assertThat(summary[0].problems()).containsExactly("line 2 is not a journal event; skipped");
        assertThat(summary[0].truncatedLastLine()).isFalse();
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> JournalReader.locate(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no journal here");
    }
}
