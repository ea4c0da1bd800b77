package dev.gameday.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.journal.AbortRequested;
import dev.gameday.journal.JournalEvent;
import dev.gameday.journal.ScribeNote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The control channel of a live run (docs/room.md): {@code control.jsonl} in its run folder, to which
 * other processes (the game-day room) append requests, one JSON line each, and which the run watches
 * and obeys, journaling each request: only the run writes its journal.
 * <pre>
 * {"type":"abort","by":"ana","via":"room","at":1764650000000}
 * {"type":"note","by":"ben","role":"scribe","note":"checkout p95 climbing","at":1764650001000}
 * </pre>
 */
public final class ControlFile {
    public static final String FILE_NAME = "control.jsonl";
    public static final int MAX_NAME = 80;
    public static final int MAX_NOTE = 4000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlFile() {}

    /** Asks the run in {@code runDir} to abort, on behalf of {@code by}. */
    public static void abort(Path runDir, String by, String via, long at) throws IOException {
        append(runDir, MAPPER.createObjectNode().put("type", "abort").put("by", by).put("via", via).put("at", at));
    }

    /** Gives the run in {@code runDir} a note to journal. */
    public static void note(Path runDir, String by, String role, String note, long at) throws IOException {
        append(runDir, MAPPER.createObjectNode().put("type", "note").put("by", by).put("role", role)
                .put("note", note).put("at", at));
    }

    /** One write of one whole line, appended and synced: concurrent writers never interleave a line. */
    private static void append(Path runDir, ObjectNode request) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(runDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(line));
            out.force(false);
        }
    }

    /** The journal event a line asks for; null for a line that is no request (skipped). */
    static JournalEvent request(String line) {
        JsonNode r;
        try {
            r = MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (r == null || !r.path("by").isTextual() || r.path("by").asText().isBlank() || !r.path("at").isNumber()) {
            return null;
        }
        String by = cut(r.path("by").asText(), MAX_NAME);
        long at = r.path("at").asLong();
        return switch (r.path("type").asText()) {
            case "abort" -> new AbortRequested(by, cut(r.path("via").asText("control file"), MAX_NAME), at);
            case "note" -> r.path("note").isTextual() && !r.path("note").asText().isBlank()
                    ? new ScribeNote(by, r.path("role").isTextual() && !r.path("role").asText().isBlank()
                            ? cut(r.path("role").asText(), MAX_NAME) : null, cut(r.path("note").asText(), MAX_NOTE), at)
                    : null;
            default -> null;
        };
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
