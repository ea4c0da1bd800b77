package dev.gameday.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheDocumentedShapeWithTypeTimeAndSequence() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            j.append(new PhaseStarted("before"));
            j.append(new SampleTaken(1234L, "page", false, 2000.0, null, "timeout after 2s"));
            j.append(new FaultInjected("s", "inventory", ToxicSpec.down(), "an outage"));
            j.append(new FaultRemoved("s", "inventory", null, "completed"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).matches("\\{\"type\":\"phase\",\"t\":\\d+,\"seq\":0,\"phase\":\"before\"}");
        assertThat(lines.get(1)).isEqualTo("{\"type\":\"sample\",\"t\":1234,\"seq\":1,\"probe\":\"page\",\"ok\":false,"
                + "\"ms\":2000.0,\"status\":null,\"error\":\"timeout after 2s\"}");
        assertThat(lines.get(2)).endsWith("\"seq\":2,\"step\":\"s\",\"proxy\":\"inventory\",\"toxic\":{\"type\":\"down\"},\"words\":\"an outage\"}");
        assertThat(lines.get(3)).endsWith("\"toxicName\":null,\"reason\":\"completed\"}");
    }

    @Test
    void aMeasuredValueIsWrittenAndReadBackInfinitiesIncluded() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            j.append(new SampleTaken(1L, "errors", true, 3.5, null, null, 0.0125));
            j.append(new SampleTaken(2L, "errors", true, 3.5, null, null, Double.POSITIVE_INFINITY));
            j.append(new SampleTaken(3L, "errors", true, 3.5, null, null));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).endsWith("\"error\":null,\"value\":0.0125}");
        List<Double> values = new java.util.ArrayList<>();
        JournalReader.read(file, line -> values.add(SampleTaken.value(line.body())));
        assertThat(values).containsExactly(0.0125, Double.POSITIVE_INFINITY, Double.NaN);
    }

    @Test
    void everyTextValueIsRedacted() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        UnaryOperator<String> r = masking("hunter2");
        try (Journal j = Journal.create(file, r)) {
            j.append(new MapEvent(Map.of("header", "Bearer hunter2")));
            j.append(new RunInterrupted("token hunter2 leaked?", List.of(new InjectedRef("hunter2", "x"))));
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain("hunter2").contains("token *** leaked?", "\"header\":\"Bearer ***\"");
    }

    /** A secret as short as one letter hides that letter in values, but the journal keeps its shape. */
    @Test
    void aShortSecretNeverMangledFieldNames() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        UnaryOperator<String> r = masking("x");
        try (Journal j = Journal.create(file, r)) {
            j.append(new RunInterrupted("exit", List.of(new InjectedRef("proxy", "toxic"))));
        }
        JsonNode line = new ObjectMapper().readTree(Files.readString(file));
        assertThat(line.path("removed").path(0).path("proxy").asText()).isEqualTo("pro***y");
        assertThat(line.path("removed").path(0).path("toxicName").asText()).isEqualTo("to***ic");
        assertThat(line.path("reason").asText()).isEqualTo("e***it");
    }

    @Test
    void concurrentAppendsGetDistinctOrderedSequenceNumbers() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            for (int i = 0; i < 400; i++) {
                int n = i;
                pool.execute(() -> j.append(new StepEnded("s" + n)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        JournalFile read = JournalFile.read(file);
        assertThat(read.events().stream().map(e -> e.path("seq").asLong()).toList())
                .isEqualTo(LongStream.range(0, 400).boxed().toList());
        Set<String> steps = read.events().stream().map(e -> e.path("step").asText()).collect(Collectors.toSet());
        assertThat(steps).hasSize(400);
    }

    @Test
    void moreLinesThanTheWriterQueueHoldsAreAllWrittenInOrder() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        int count = Journal.MAX_QUEUED * 2;
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            for (int i = 0; i < count; i++) {
                j.append(new StepEnded("s" + i));
            }
        }
        List<JsonNode> events = JournalFile.read(file).events();
        assertThat(events).hasSize(count);
        assertThat(events.get(count - 1).path("step").asText()).isEqualTo("s" + (count - 1));
        assertThat(events.stream().mapToLong(e -> e.path("seq").asLong()).toArray())
                .isEqualTo(LongStream.range(0, count).toArray());
    }

    @Test
    void resumingAfterACrashEndsTheTruncatedLineAndContinuesTheNumbering() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            j.append(new PhaseStarted("before"));
            j.append(new PhaseStarted("method"));
        }
        Files.write(file, "{\"type\":\"sample\",\"t\":1,\"se".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertThat(JournalFile.read(file).truncated()).isTrue();

        try (Journal j = Journal.resume(file, UnaryOperator.identity())) {
            j.append(new RunInterrupted("crashed", List.of()));
        }

        JournalFile read = JournalFile.read(file);
        assertThat(read.events()).hasSize(3);
        assertThat(read.events().get(2).path("seq").asLong()).isEqualTo(2);
        assertThat(read.finished()).isTrue();
    }

    @Test
    void appendsAfterCloseAreDropped() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        Journal j = Journal.create(file, UnaryOperator.identity());
        j.append(new PhaseStarted("before"));
        j.close();
        j.append(new PhaseStarted("method"));
        j.close();
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void nothingIsWrittenAfterTheLastLine() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            j.append(new PhaseStarted("done"));
            j.append(new RunEnded("held"));
            j.append(new SampleTaken(1L, "late", true, 1.0, 200, null));
            assertThatThrownBy(() -> j.appendDurably(new ProxyRemoved("p"))).isInstanceOf(IOException.class);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"type\":\"run.ended\"");
    }

    @Test
    void anIntentIsOnDiskWhenAppendDurablyReturns() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (Journal j = Journal.create(file, UnaryOperator.identity())) {
            j.appendDurably(new FaultInjecting("s", "inventory", ToxicSpec.down(), true));
            // Read back by another reader while the journal is still open: the line is complete.
            assertThat(Files.readAllLines(file)).singleElement().asString()
                    .endsWith("\"step\":\"s\",\"proxy\":\"inventory\",\"toxic\":{\"type\":\"down\"},"
                            + "\"enabledBefore\":true}");
        }
    }

    /** A test-only event carrying a map of user-written names to values. */
    record MapEvent(Map<String, String> values) implements JournalEvent {
        @Override
        public String type() {
            return "test";
        }
    }

    /** What the runner's redactor does with one secret: every occurrence becomes {@code ***}. */
    private static UnaryOperator<String> masking(String secret) {
        return text -> text == null ? null : text.replace(secret, "***");
    }
}
