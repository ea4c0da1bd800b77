package dev.gameday.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a journal ({@code docs/journal.md}) event by event, so a journal of millions of samples is
 * never held in memory, and hands readers only events they can use. The file is split into lines as
 * bytes and each line decoded on its own ({@link ParsedLines}, on a second thread), so damage stays on
 * its line:
 * <ul>
 *   <li>a last line that does not parse is the normal trace of a crash and is only noted;</li>
 *   <li>a line elsewhere that is not UTF-8, not JSON, has no type or no usable time, or a sample whose
 *       fields the judge cannot use, is skipped and reported ({@code line 7: t is not a number; skipped});</li>
 *   <li>an event at an impossible time is placed where it can have been, a sample there is skipped
 *       ({@link RunClock});</li>
 *   <li>a leading byte-order mark is ignored and noted; a second {@code run.started} is skipped.</li>
 * </ul>
 * {@link JournalLine#seq()} is the event's position among those handed on, which is file order.
 */
public final class JournalReader {
    public static final String FILE_NAME = "journal.jsonl";
    /** Longest line read: an experiment copy is kilobytes; a longer line is damage and is skipped unread. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** Lines without a time that wait for the first line with one; more than that are skipped. */
    private static final int MAX_WAITING = 1000;

    private final Consumer<JournalLine> sink;
    private final RunClock clock = new RunClock();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Events without a usable time that came before any line with one, with their line numbers. */
    private final List<Waiting> waiting = new ArrayList<>();
    private long unlisted;
    private long skipped;
    private long moved;
    private long events;
    private long lineNumber;
    private boolean ended;
    private boolean interrupted;
    /** A line that did not decode or parse: damage, unless it turns out to be the last (a crash). */
    private long unreadLine;
    private String unreadReason;

    private record Waiting(long line, String type, JsonNode node, String problem) {}

    JournalReader(Consumer<JournalLine> sink) {
        this.sink = sink;
    }

    /** A run folder stands for the journal inside it. */
    public static Path locate(Path runDirOrJournal) throws NoSuchFileException {
        Path journal = Files.isDirectory(runDirOrJournal) ? runDirOrJournal.resolve(FILE_NAME) : runDirOrJournal;
        if (!Files.isRegularFile(journal)) {
            throw new NoSuchFileException(journal.toString(), null, "no journal here (expected a run folder or a "
                    + FILE_NAME + " file)");
        }
        return journal;
    }

    /** Hands every usable event to {@code sink}, in file order; says what was damaged. */
    public static JournalSummary read(Path journal, Consumer<JournalLine> sink) throws IOException {
        JournalReader reader = new JournalReader(sink);
        InputStream in;
        try {
            in = Files.newInputStream(journal);
        } catch (AccessDeniedException e) {
            throw new IOException(journal + ": cannot read the journal: permission denied", e);
        }
        ParsedLines.read(in, MAX_LINE_BYTES, reader::line);
        return reader.finish();
    }

    void line(ParsedLines.Parsed line) {
        lineNumber = line.number();
        if (line.byteOrderMark()) {
            notes.add("the journal begins with a byte-order mark (BOM), which was ignored");
        }
        if (line.node() == null && line.unreadable() == null) {
            return; // a blank first line after its byte-order mark
        }
        if (unreadReason != null) {
            skip(unreadLine, unreadReason);
            unreadReason = null;
        }
        if (line.unreadable() != null) {
            unread(line.unreadable());
            return;
        }
        JsonNode node = line.node();
        String problem = EventCheck.typeProblem(node);
        if (problem != null) {
            skip(lineNumber, problem);
            return;
        }
        String type = node.get("type").asText();
        if (type.equals("sample")) {
            sample(node);
        } else {
            event(type, node);
        }
    }

    private void sample(JsonNode node) {
        JsonNode at = node.get("t");
        JsonNode probe = node.get("probe");
        String problem = EventCheck.timeProblem(at);
        if (problem == null) {
            problem = EventCheck.sampleProblem(probe, node.get("ok"), node.get("ms"));
        }
        long t = problem == null ? EventCheck.time(at) : 0;
        if (problem == null) {
            problem = clock.sample(probe.asText(), t);
        }
        if (problem != null) {
            skip(lineNumber, problem);
            return;
        }
        if (!waiting.isEmpty()) { // as for an event: not even an iterator per sample when none wait
            placeWaiting(t);
        }
        emit(t, "sample", node);
    }

    private void event(String type, JsonNode node) {
        boolean runStarted = type.equals("run.started");
        if (runStarted && (clock.started() || waiting.stream().anyMatch(w -> w.type.equals(type)))) {
            skip(lineNumber, "a second run.started (a journal holds one run)");
            return;
        }
        JsonNode t = node.get("t");
        if (!clock.hasTime() && EventCheck.timeProblem(t) != null) {
            if (waiting.size() < MAX_WAITING) {
                waiting.add(new Waiting(lineNumber, type, node, EventCheck.timeProblem(t)));
            } else {
                skip(lineNumber, EventCheck.timeProblem(t) + ", and no line before it has a time");
            }
            return;
        }
        if (!waiting.isEmpty()) {
            placeWaiting(EventCheck.time(t));
        }
        RunClock.Placed placed = clock.event(type, t);
        if (placed.moved() != null) {
            moved(lineNumber, placed.moved());
        }
        if (runStarted) {
            clock.start(placed.t(), node);
        }
        emit(placed.t(), type, node);
    }

    /** Events that came before any line with a time go at the first time found (or at 0 when none). */
    private void placeWaiting(long t) {
        for (Waiting w : waiting) {
            moved(w.line, w.problem + "; placed at the time of the first line that has one");
            clock.placeAt(t);
            if (w.type.equals("run.started")) {
                clock.start(t, w.node);
            }
            emit(t, w.type, w.node);
        }
        waiting.clear();
    }

    private void emit(long t, String type, JsonNode node) {
        ended |= type.equals("run.ended");
        interrupted |= type.equals("run.interrupted");
        sink.accept(new JournalLine(events++, t, type, node));
    }

    private void unread(String reason) {
        unreadLine = lineNumber;
        unreadReason = reason;
    }

    private void skip(long line, String reason) {
        skipped++;
        list("line " + line + ": " + reason + "; skipped");
    }

    private void moved(long line, String reason) {
        moved++;
        list("line " + line + ": " + reason);
    }

    private void list(String problem) {
        if (problems.size() < JournalSummary.MAX_LISTED) {
            problems.add(problem);
        } else {
            unlisted++;
        }
    }

    /** What was found so far, for a journal still being written ({@link JournalTail}). */
    JournalSummary soFar() {
        return new JournalSummary(events, ended, interrupted, false, skipped, moved, problems, notes);
    }

    private JournalSummary finish() {
        if (!waiting.isEmpty()) {
            placeWaiting(0);
        }
        if (unlisted > 0) {
            problems.add("… and " + unlisted + " more lines like these");
        }
        return new JournalSummary(events, ended, interrupted, unreadReason != null, skipped, moved, problems, notes);
    }
}
