package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal read back: its events in order, and whether the last line was cut short by a crash
 * ({@code truncated}). Lines that do not parse are skipped, as docs/journal.md asks of readers.
 */
public record JournalFile(List<JsonNode> events, boolean truncated) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JournalFile {
        events = List.copyOf(events);
    }

    public static JournalFile read(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        boolean truncated = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(MAPPER.readTree(line));
            } catch (IOException e) {
                truncated = true;
            }
        }
        return new JournalFile(events, truncated);
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
