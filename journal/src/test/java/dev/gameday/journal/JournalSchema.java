package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The journal's JSON Schema ({@code dev/gameday/journal/journal.schema.json}, on the journal module's
 * classpath), and a journal file checked against it line by line. Shared through the test-jar, so that
 * the reports' fixtures and the runner's real runs are held to the one contract.
 */
public final class JournalSchema {
    public static final String RESOURCE = "/dev/gameday/journal/journal.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a line that breaks the schema its problems quote. */
    private static final int MAX_ECHO = 400;
    private static final JsonNode TREE = read();
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TREE);

    private JournalSchema() {}

    /** The schema as JSON, for tests that compare its definitions with the event records. */
    public static JsonNode tree() {
        return TREE;
    }

    /** The event types the schema defines: its {@code type} enum. */
    public static Set<String> eventTypes() {
        Set<String> types = new TreeSet<>();
        TREE.path("properties").path("type").path("enum").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** Why one parsed line is not a journal line; empty when it is one. */
    public static List<String> problems(JsonNode line) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(line)) {
            out.add(m.getMessage());
        }
        return out;
    }

    /**
     * Why the journal at {@code file} is not well formed, as {@code line N: ...}; empty when every line
     * is a journal line. A leading byte-order mark and {@code \r\n} line ends are allowed
     * (docs/journal.md); a last line without its newline is not (that is a crash's journal, partial).
     */
    public static List<String> problems(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of("the journal is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add("the journal is empty");
            return out;
        }
        if (!text.endsWith("\n")) {
            out.add("the last line is cut off (no newline)");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            try {
                List<String> found = problems(JSON.readTree(line));
                for (String p : found) {
                    out.add("line " + (i + 1) + ": " + p);
                }
                if (!found.isEmpty()) {
                    out.add("line " + (i + 1) + " is " + (line.length() <= MAX_ECHO ? line
                            : line.substring(0, MAX_ECHO) + "…"));
                }
            } catch (JsonProcessingException e) {
                out.add("line " + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = JournalSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
