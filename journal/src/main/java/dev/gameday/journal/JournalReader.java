package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a journal ({@code docs/journal.md}) event by event, so a journal of millions of samples is
 * never held in memory. A last line that does not parse is the normal trace of a crash and is only
 * noted; a damaged line elsewhere is skipped and reported.
 */
public final class JournalReader {
    public static final String FILE_NAME = "journal.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalReader() {}

    /** A run folder stands for the journal inside it. */
    public static Path locate(Path runDirOrJournal) throws NoSuchFileException {
        Path journal = Files.isDirectory(runDirOrJournal) ? runDirOrJournal.resolve(FILE_NAME) : runDirOrJournal;
        if (!Files.isRegularFile(journal)) {
            throw new NoSuchFileException(journal.toString(), null, "no journal here (expected a run folder or a "
                    + FILE_NAME + " file)");
        }
        return journal;
    }

    public static JournalSummary read(Path journal, Consumer<JournalLine> sink) throws IOException {
        List<String> problems = new ArrayList<>();
        long events = 0;
        long lineNumber = 0;
        boolean ended = false;
        boolean interrupted = false;
        String badLine = null;
        long badLineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (badLine != null) {
                    problems.add("line " + badLineNumber + " is not a journal event; skipped");
                    badLine = null;
                }
                JsonNode node = parse(line);
                if (node == null || !node.isObject() || !node.path("type").isTextual()) {
                    badLine = line;
                    badLineNumber = lineNumber;
                    continue;
                }
                String type = node.get("type").asText();
                ended |= type.equals("run.ended");
                interrupted |= type.equals("run.interrupted");
                sink.accept(new JournalLine(node.path("seq").asLong(events), node.path("t").asLong(), type, node));
                events++;
            }
        }
        return new JournalSummary(events, ended, interrupted, badLine != null, problems);
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
