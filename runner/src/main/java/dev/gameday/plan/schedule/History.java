package dev.gameday.plan.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan's schedule history, one JSON line per {@link HistoryEntry}, appended and forced to disk
 * before the scheduler acts on it (a start is written down before it is launched: after a crash it is
 * never launched twice). A line cut short by a crash is ignored.
 */
final class History {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final List<HistoryEntry> entries = new ArrayList<>();

    private History(Path file) {
        this.file = file;
    }

    static History open(Path file) throws IOException {
        History h = new History(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    h.entries.add(read(MAPPER.readTree(line)));
                } catch (IOException | RuntimeException torn) {
                    // the last line of a crash: what it says was never acted on
                }
            }
        }
        return h;
    }

    synchronized void append(HistoryEntry entry) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (MAPPER.writeValueAsString(json(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        }
        entries.add(entry);
    }

    synchronized List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** Whether the start scheduled for {@code scheduled} was already decided (started or skipped). */
    synchronized boolean decided(Instant scheduled) {
        return entries.stream().anyMatch(e -> scheduled.equals(e.scheduled())
                && (e.event().equals(HistoryEntry.STARTED) || e.event().equals(HistoryEntry.SKIPPED)));
    }

    synchronized boolean has(String event, Instant scheduled) {
        return entries.stream().anyMatch(e -> e.event().equals(event) && scheduled.equals(e.scheduled()));
    }

    /** Since when the scheduler has been deciding this plan's starts: the first {@code watching} line. */
    synchronized Optional<Instant> watchingSince() {
        return entries.stream().filter(e -> e.event().equals(HistoryEntry.WATCHING)).map(HistoryEntry::at).findFirst();
    }

    /** The latest start decided, if any: the next decision is for a start after it. */
    synchronized Optional<Instant> lastDecided() {
        return entries.stream().filter(e -> e.event().equals(HistoryEntry.STARTED) || e.event().equals(HistoryEntry.SKIPPED))
                .map(HistoryEntry::scheduled).max(Instant::compareTo);
    }

    /** Starts launched with no end recorded: the scheduler stopped while they ran. */
    synchronized List<Instant> unfinished() {
        return entries.stream().filter(e -> e.event().equals(HistoryEntry.STARTED)).map(HistoryEntry::scheduled)
                .filter(s -> !has(HistoryEntry.ENDED, s) && !has(HistoryEntry.INTERRUPTED, s)).toList();
    }

    private static ObjectNode json(HistoryEntry e) {
        ObjectNode n = MAPPER.createObjectNode().put("event", e.event());
        if (e.scheduled() != null) {
            n.put("scheduled", e.scheduled().toString());
        }
        n.put("at", e.at().toString());
        if (e.reason() != null) {
            n.put("reason", e.reason());
        }
        if (e.verdict() != null) {
            n.put("verdict", e.verdict());
        }
        if (e.planDir() != null) {
            n.put("planDir", e.planDir());
        }
        return n;
    }

    private static HistoryEntry read(JsonNode n) {
        return new HistoryEntry(n.get("event").asText(), instant(n, "scheduled"), Instant.parse(n.get("at").asText()),
                text(n, "reason"), text(n, "verdict"), text(n, "planDir"));
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
