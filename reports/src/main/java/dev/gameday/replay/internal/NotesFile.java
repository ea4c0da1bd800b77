package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tabletop notes as {@code docs/journal.md} defines {@code notes.jsonl}: one
 * {@code {"t", "stop", "note"}} line per note, appended and flushed as soon as it is typed so a closed
 * laptop loses nothing.
 */
public final class NotesFile implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final OutputStream out;
    private int written;

    private NotesFile(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    public static NotesFile open(Path path) throws IOException {
        return new NotesFile(path, Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
    }

    public void append(long t, String stop, String note) throws IOException {
        ObjectNode line = MAPPER.createObjectNode().put("t", t).put("stop", stop).put("note", note);
        out.write((MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        written++;
    }

    public Path path() {
        return path;
    }

    public int written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
