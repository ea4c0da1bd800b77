package dev.gameday.report.run.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A note from {@code notes.jsonl} beside the journal, written during a tabletop replay. */
public record TabletopNote(long t, String stop, String note) {
    static final String FILE_NAME = "notes.jsonl";

    /** The notes beside {@code journal}; empty when there is no notes file. Lines that do not parse are skipped. */
    static List<TabletopNote> readBeside(Path journal) throws IOException {
        Path file = journal.toAbsolutePath().resolveSibling(FILE_NAME);
        List<TabletopNote> notes = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return notes;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = mapper.readTree(line);
                    notes.add(new TabletopNote(node.path("t").asLong(), node.path("stop").asText(""),
                            node.path("note").asText("")));
                } catch (IOException e) {
                    // A half-written last note after a crash; the others are still worth showing.
                }
            }
        }
        return notes;
    }
}
