package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("looks for the JVM's journal-parser threads, which any reading test starts")
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
    void aConsumerThatFailsStopsTheReadingAndItsParserThread() throws IOException {
        StringBuilder journal = new StringBuilder("{\"type\":\"run.started\",\"t\":1000,\"seq\":0,\"v\":1}\n");
        for (int i = 1; i <= 100_000; i++) {
            journal.append("{\"type\":\"sample\",\"t\":").append(1000 + i).append(",\"seq\":").append(i)
                    .append(",\"probe\":\"p\",\"ok\":true,\"ms\":1}\n");
        }
        Files.writeString(dir.resolve(JournalReader.FILE_NAME), journal);
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> JournalReader.read(dir.resolve(JournalReader.FILE_NAME), line -> {
            seen.add(line.seq());
            if (seen.size() == 10) {
                // The parser has run ahead until the hand-over is full: the failure must free it from there too.
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet()
                        .stream().anyMatch(t -> t.getName().equals("journal-parser")
                                && t.getState() == Thread.State.WAITING));
                throw new IllegalStateException("the consumer broke");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("the consumer broke");
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("journal-parser")));
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
        assertThat(summary[0].problems()).containsExactly("line 2: not JSON; skipped");
        assertThat(summary[0].truncatedLastLine()).isFalse();
    }

    private static final String START = "{\"type\":\"run.started\",\"t\":1000,\"seq\":0,\"v\":2}\n";

    /** Reads raw bytes, as a journal on disk may hold them. */
    private Read readBytes(byte[] content) throws IOException {
        Path journal = dir.resolve(JournalReader.FILE_NAME);
        Files.write(journal, content);
        List<JournalLine> events = new ArrayList<>();
        JournalSummary summary = JournalReader.read(journal, events::add);
        return new Read(events, summary);
    }

    private Read readText(String content) throws IOException {
        return readBytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private record Read(List<JournalLine> events, JournalSummary summary) {
        List<String> types() {
            return events.stream().map(JournalLine::type).toList();
        }
    }

    @Test
    void aLineWithInvalidUtf8IsSkippedAndTheOthersAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(START.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"type\":\"sample\",\"t\":1100,\"probe\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é: not UTF-8
        bytes.writeBytes("\",\"ok\":true,\"ms\":3}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"type\":\"sample\",\"t\":1200,\"probe\":\"caf\u00e9\",\"ok\":true,\"ms\":4}\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"type\":\"run.ended\",\"t\":2000}\n".getBytes(StandardCharsets.UTF_8));
        Read read = readBytes(bytes.toByteArray());
        assertThat(read.types()).containsExactly("run.started", "sample", "run.ended");
        assertThat(read.events().get(1).body().path("probe").asText()).isEqualTo("caf\u00e9");
        assertThat(read.summary().problems()).containsExactly("line 2: not valid UTF-8 text; skipped");
        assertThat(read.summary().skippedLines()).isEqualTo(1);
        assertThat(read.summary().damage()).isEqualTo("1 damaged line was skipped");
        assertThat(read.summary().partial()).isTrue();
    }

    @Test
    void aLeadingByteOrderMarkIsIgnoredAndNoted() throws IOException {
        Read read = readText("\uFEFF" + START + "{\"type\":\"run.ended\",\"t\":2000}\r\n");
        assertThat(read.types()).containsExactly("run.started", "run.ended");
        assertThat(read.summary().notes()).containsExactly(
                "the journal begins with a byte-order mark (BOM), which was ignored");
        assertThat(read.summary().problems()).isEmpty();
        assertThat(read.summary().partial()).isFalse();
    }

    @Test
    void samplesWithFieldsTheJudgeCannotUseAreSkippedWithTheReason() throws IOException {
        Read read = readText(START + """
                {"type":"sample","t":"soon","probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":"yes","ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":"NaN"}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":-5}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":1e300}
                {"type":"sample","t":1100,"ok":true,"ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":true}
                {"type":"sample","probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":NaN}
                {"type":5,"t":1100}
                [1,2]
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":2}
                {"type":"run.ended","t":2000}
                """);
        assertThat(read.types()).containsExactly("run.started", "sample", "run.ended");
        assertThat(read.summary().problems()).containsExactly(
                "line 2: t is not a number; skipped",
                "line 3: ok is not true or false; skipped",
                "line 4: ms is not a number; skipped",
                "line 5: ms is negative (-5); skipped",
                "line 6: ms is more than a day (1.0E300); skipped",
                "line 7: the sample names no probe; skipped",
                "line 8: ms is missing; skipped",
                "line 9: t is missing; skipped",
                "line 10: not JSON; skipped",
                "line 11: type is not text; skipped",
                "line 12: not a JSON object; skipped");
        assertThat(read.summary().damage()).isEqualTo("11 damaged lines were skipped");
    }

    @Test
    void eventsAtImpossibleTimesArePlacedWhereTheyCanHaveBeenAndSaySo() throws IOException {
        Read read = readText(START + """
                {"type":"lunar.eclipse","t":1}
                {"type":"phase","t":1100,"phase":"before"}
                {"type":"fault.injected","t":"soon","step":"s","proxy":"x"}
                {"type":"proxy.removed","t":1e30,"proxy":"x"}
                {"type":"run.ended","t":2000}
                """);
        assertThat(read.types()).containsExactly("run.started", "lunar.eclipse", "phase", "fault.injected",
                "proxy.removed", "run.ended");
        assertThat(read.events()).extracting(JournalLine::t).containsExactly(1000L, 1000L, 1100L, 1100L, 1100L, 2000L);
        assertThat(read.events()).extracting(JournalLine::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(read.summary().problems()).containsExactly(
                "line 2: dated before the run started (1970-01-01T00:00:00.001Z); placed at the run's start",
                "line 4: t is not a number; placed at the time of the line before",
                "line 5: t is not a time (1.0E30); placed at the time of the line before");
        assertThat(read.summary().skippedLines()).isZero();
        assertThat(read.summary().movedLines()).isEqualTo(3);
        assertThat(read.summary().damage()).isEqualTo("3 events were placed at other times than their own");
    }

    @Test
    void anEventWithoutATimeBeforeAnyLineWithOneWaitsForTheFirstTime() throws IOException {
        Read read = readText("""
                {"type":"run.started","t":"soon","v":2}
                {"type":"phase","t":1100,"phase":"before"}
                """);
        assertThat(read.types()).containsExactly("run.started", "phase");
        assertThat(read.events()).extracting(JournalLine::t).containsExactly(1100L, 1100L);
        assertThat(read.summary().problems()).containsExactly(
                "line 1: t is not a number; placed at the time of the first line that has one");
    }

    @Test
    void samplesTheRunCannotHaveTakenAreSkipped() throws IOException {
        Read read = readText("""
                {"type":"run.started","t":1000,"v":2,"experiment":{"steadyState":{"probes":[{"name":"p","interval":100}]}}}
                {"type":"sample","t":500,"probe":"p","ok":true,"ms":1}
                {"type":"phase","t":1100,"phase":"before"}
                {"type":"sample","t":1200,"probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1200,"probe":"p","ok":false,"ms":1}
                {"type":"sample","t":1150,"probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1150,"probe":"q","ok":true,"ms":1}
                {"type":"sample","t":86401100,"probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1300,"probe":"p","ok":true,"ms":1}
                {"type":"run.ended","t":2000}
                """);
        assertThat(read.events()).extracting(JournalLine::t).containsExactly(1000L, 1100L, 1200L, 1150L, 1300L, 2000L);
        assertThat(read.summary().problems()).containsExactly(
                "line 2: the sample is dated before the run started (1970-01-01T00:00:00.500Z); skipped",
                "line 5: a second sample of p for the same moment; skipped",
                "line 6: a sample of p dated before the one before it (a probe's samples come in order); skipped",
                "line 8: the sample is dated 24 h after every line before it, but a run journals its samples as it "
                        + "takes them; skipped");
    }

    @Test
    void formatOneSamplesMayComeOutOfSlotOrderButNotTwicePerSlot() throws IOException {
        Read read = readText("""
                {"type":"run.started","t":1000,"v":1}
                {"type":"sample","t":1200,"probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":1}
                {"type":"sample","t":1100,"probe":"p","ok":true,"ms":1}
                """);
        assertThat(read.events()).extracting(JournalLine::t).containsExactly(1000L, 1200L, 1100L);
        assertThat(read.summary().problems()).containsExactly("line 4: a second sample of p for the same moment; skipped");
    }

    @Test
    void aSecondRunStartedIsSkipped() throws IOException {
        Read read = readText(START + START + "{\"type\":\"run.ended\",\"t\":2000}\n");
        assertThat(read.types()).containsExactly("run.started", "run.ended");
        assertThat(read.summary().problems()).containsExactly("line 2: a second run.started (a journal holds one run); skipped");
    }

    @Test
    void anOverlongLineIsSkippedUnreadAndTheNextIsRead() throws IOException {
        byte[] huge = new byte[JournalReader.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(START.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(huge);
        bytes.writeBytes("\n{\"type\":\"run.ended\",\"t\":2000}\n".getBytes(StandardCharsets.UTF_8));
        Read read = readBytes(bytes.toByteArray());
        assertThat(read.types()).containsExactly("run.started", "run.ended");
        assertThat(read.summary().problems()).containsExactly("line 2: longer than 16 MB; skipped");
    }

    @Test
    void aLastLineCutInsideACharacterIsATruncatedLastLine() throws IOException {
        byte[] cut = "{\"type\":\"error\",\"t\":1100,\"message\":\"\u00e9".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(START.getBytes(StandardCharsets.UTF_8));
        bytes.write(cut, 0, cut.length - 1);
        Read read = readBytes(bytes.toByteArray());
        assertThat(read.types()).containsExactly("run.started");
        assertThat(read.summary().truncatedLastLine()).isTrue();
        assertThat(read.summary().problems()).isEmpty();
    }

    @Test
    void listsTheFirstProblemsThenCountsTheRest() throws IOException {
        Read read = readText(START + "garbage\n".repeat(25) + "{\"type\":\"run.ended\",\"t\":2000}\n");
        assertThat(read.summary().problems()).hasSize(JournalSummary.MAX_LISTED + 1)
                .endsWith("… and 5 more lines like these");
        assertThat(read.summary().skippedLines()).isEqualTo(25);
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> JournalReader.locate(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no journal here");
    }
}
