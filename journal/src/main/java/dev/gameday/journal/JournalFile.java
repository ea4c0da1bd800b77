package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal read back: its events in order, and whether the last line was cut short by a crash
 * ({@code truncated}, also set when a damaged line was skipped).
 */
public record JournalFile(List<JsonNode> events, boolean truncated) {
    public JournalFile {
        events = List.copyOf(events);
    }

    /** Every event in memory: for small journals only (recovery); reports stream with {@link JournalReader}. */
    public static JournalFile read(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        JournalSummary summary = JournalReader.read(file, line -> events.add(line.body()));
        return new JournalFile(events, summary.truncatedLastLine() || !summary.problems().isEmpty());
    }

    /** The first event of this type. */
    public Optional<JsonNode> first(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).findFirst();
    }

    /** Events of this type, in order. */
    public List<JsonNode> all(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    /** True when the run ended or was closed by recovery: nothing is left to clean up. */
    public boolean finished() {
        return first("run.ended").isPresent() || first("run.interrupted").isPresent();
    }
}
