package dev.gameday.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.replay.internal.Entry;
import dev.gameday.replay.internal.Happening;
import dev.gameday.replay.internal.ReplaySample;
import dev.gameday.replay.StopFinder;
import dev.gameday.journal.JournalLine;
import dev.gameday.journal.JournalReader;
import dev.gameday.journal.JournalSummary;
import dev.gameday.journal.SampleTaken;
import dev.gameday.judge.Rules;
import dev.gameday.report.experiment.ReadableRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as its journal recorded it, ready to replay: its events in time order (samples kept compact),
 * the experiment copy from {@code run.started}, whether the journal is partial, and its {@link Stop}s.
 * Everything comes from the journal; nothing from the runner. The reader has placed every event at or
 * after the run's start, so {@code run.started} comes first in time too.
 */
public final class RecordedRun {
    private final Path journal;
    private final JournalSummary summary;
    private final List<Entry> entries;
    private final Happening started;
    private final ReadableRules rules;
    private final List<Stop> stops;

    private RecordedRun(Path journal, JournalSummary summary, Happening started, List<Entry> entries) {
        this.journal = journal;
        this.summary = summary;
        this.entries = List.copyOf(entries);
        this.started = started;
        this.rules = ReadableRules.of(experiment());
        this.stops = StopFinder.find(this.entries, experiment(), rules.rules(), startT(),
                summary.ended() ? null : endNote());
    }

    /** Reads a journal, or the journal of a run folder. */
    public static RecordedRun load(Path journalOrRunDir) throws IOException {
        Path journal = JournalReader.locate(journalOrRunDir);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> probeNames = new HashMap<>();
        JournalSummary summary = JournalReader.read(journal, e -> entries.add(entry(e, probeNames)));
        if (entries.isEmpty() || !(entries.get(0) instanceof Happening first && first.type().equals("run.started"))) {
            throw new IllegalArgumentException(journal + ": the journal does not begin with a run.started event, "
                    + "so there is nothing to replay" + (summary.damaged() ? " (" + summary.damage() + "; first "
                    + summary.problems().get(0) + ")" : ""));
        }
        // Samples are journaled when they complete but belong where they were due (their t).
        entries.sort(Comparator.comparingLong(Entry::t).thenComparingLong(Entry::seq));
        return new RecordedRun(journal, summary, first, entries);
    }

    private static Entry entry(JournalLine e, Map<String, String> probeNames) {
        if (e.type().equals("sample")) {
            String probe = probeNames.computeIfAbsent(e.body().path("probe").asText(), p -> p);
            return new ReplaySample(e.t(), e.seq(), probe, e.body().path("ok").asBoolean(), e.body().path("ms").asDouble(),
                    SampleTaken.value(e.body()));
        }
        return new Happening(e.t(), e.seq(), e.type(), e.body());
    }

    public Path journal() {
        return journal;
    }

    /** The folder the run wrote its files to, where {@code notes.jsonl} belongs. */
    public Path runDir() {
        Path parent = journal.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    public JournalSummary summary() {
        return summary;
    }

    /** Every event, in time order; {@link Stop} indexes refer to this list. */
    public List<Entry> entries() {
        return entries;
    }

    public List<Stop> stops() {
        return stops;
    }

    /** The {@code run.started} event. */
    public JsonNode started() {
        return started.body();
    }

    public JsonNode experiment() {
        return started.body().path("experiment");
    }

    /** The judge's reading of the experiment copy; without probes when it cannot be judged. */
    public Rules rules() {
        return rules.rules();
    }

    /** Why the experiment copy cannot be judged; null when it can. */
    public String rulesProblem() {
        return rules.problem();
    }

    public long startT() {
        return started.t();
    }

    /** Milliseconds from the run start to its last recorded event. */
    public long lengthMs() {
        return entries.get(entries.size() - 1).t() - startT();
    }

    /** Why the journal is partial, in a sentence; null when it is not ({@link JournalSummary#problems} has the lines). */
    public String partialReason() {
        if (!summary.partial()) {
            return null;
        }
        List<String> why = new ArrayList<>();
        if (summary.interrupted()) {
            why.add("it was marked interrupted afterwards");
        } else if (!summary.ended()) {
            why.add("it has no run.ended event");
        }
        if (summary.truncatedLastLine()) {
            why.add("its last line is cut short");
        }
        if (summary.damaged()) {
            why.add(summary.damage());
        }
        return String.join("; ", why);
    }

    /** What replay says where a partial journal stops. */
    public String endNote() {
        return "the journal ends here: the run was interrupted/crashed (" + partialReason() + ")";
    }
}
