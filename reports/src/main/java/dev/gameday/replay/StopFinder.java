package dev.gameday.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.replay.internal.Entry;
import dev.gameday.replay.internal.EventText;
import dev.gameday.replay.internal.ReplaySample;
import dev.gameday.replay.internal.Happening;
import dev.gameday.replay.internal.ReplayJudge;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.judge.Rules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes a run's {@link Stop}s from its entries and experiment copy: every fault start and end,
 * tolerance breach (where the runner's judge, fed the same entries, saw a checked bound stop holding),
 * abort and tabletop prompt. Things that happen within {@link #MOMENT_MS} of each other are one moment,
 * hence one stop; so are a step's start (or end) and its fault going in (or out), however long the
 * Toxiproxy call between them took.
 */
public final class StopFinder {
    static final long MOMENT_MS = 100;
    private static final int MAX_LINES = 12;

    private final List<Entry> entries;
    private final JsonNode experiment;
    private final Rules rules;
    private final long startT;

    /**
     * {@code edge}: the start or end of the step a fault or prompt belongs to ({@code start:NAME},
     * {@code end:NAME}), null for others.
     */
    private record Candidate(int index, long t, Stop.Kind kind, String title, String prompt, String edge) {
        boolean sameEdgeAs(Candidate other) {
            return edge != null && edge.equals(other.edge);
        }
    }

    private StopFinder(List<Entry> entries, JsonNode experiment, Rules rules, long startT) {
        this.entries = entries;
        this.experiment = experiment;
        this.rules = rules;
        this.startT = startT;
    }

    /**
     * @param experiment the experiment copy, for its tabletop prompts
     * @param rules      the judge's reading of it
     * @param endNote    what to say when "what happened next" reaches the end of a journal that did not
     *                   end (null when it ended)
     */
    public static List<Stop> find(List<Entry> entries, JsonNode experiment, Rules rules, long startT,
            String endNote) {
        StopFinder finder = new StopFinder(entries, experiment, rules, startT);
        return finder.stops(finder.candidates(), endNote);
    }

    private List<Candidate> candidates() {
        ReplayJudge judge = new ReplayJudge(rules);
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            for (ToleranceChanged change : judge.feed(entry)) {
                if (judge.breach(change)) {
                    found.add(new Candidate(i, entry.t(), Stop.Kind.BREACH, "tolerance breached: "
                            + ReplayJudge.describe(change, judge.rules().probe(change.probe()).windowMs()), null,
                            null));
                }
            }
            if (!(entry instanceof Happening h)) {
                continue;
            }
            switch (h.type()) {
                case "phase" -> {
                    String begun = h.text("phase");
                    prompts(i, h, p -> !p.hasNonNull("step") && p.path("phase").asText().equals(begun),
                            "phase " + begun + " begins", null, found);
                }
                case "step.started" -> {
                    String step = h.body().path("step").asText();
                    prompts(i, h, p -> step.equals(p.path("step").asText()) && !p.path("at").asText("start").equals("end"),
                            "step " + step + " starts", "start:" + step, found);
                }
                case "step.ended" -> {
                    String step = h.body().path("step").asText();
                    prompts(i, h, p -> step.equals(p.path("step").asText()) && p.path("at").asText().equals("end"),
                            "step " + step + " ends", "end:" + step, found);
                }
                case "fault.injected" -> found.add(new Candidate(i, h.t(), Stop.Kind.FAULT_START,
                        "fault injected: " + EventText.fault(h.body()), null, "start:" + h.text("step")));
                case "fault.removed" -> found.add(new Candidate(i, h.t(), Stop.Kind.FAULT_END,
                        "fault removed: " + EventText.removedFault(h.body()), null, "end:" + h.text("step")));
                case "abort" -> found.add(new Candidate(i, h.t(), Stop.Kind.ABORT,
                        "abort: " + h.text("condition") + (h.text("message") == null ? "" : " — " + h.text("message")),
                        null, null));
                case "abort.requested" -> found.add(new Candidate(i, h.t(), Stop.Kind.ABORT,
                        "abort: requested by " + h.text("by") + " (" + h.text("via") + ")", null, null));
                default -> { }
            }
        }
        return found;
    }

    private void prompts(int index, Happening h, Predicate<JsonNode> matches, String title, String edge,
            List<Candidate> found) {
        for (JsonNode prompt : experiment.path("tabletop")) {
            if (matches.test(prompt)) {
                found.add(new Candidate(index, h.t(), Stop.Kind.PROMPT, title, prompt.path("prompt").asText(), edge));
            }
        }
    }

    private List<Stop> stops(List<Candidate> candidates, String endNote) {
        List<List<Candidate>> moments = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Candidate> last = moments.isEmpty() ? null : moments.get(moments.size() - 1);
            if (last != null && (c.t() - last.get(0).t() <= MOMENT_MS || last.stream().anyMatch(c::sameEdgeAs))) {
                last.add(c);
            } else {
                moments.add(new ArrayList<>(List.of(c)));
            }
        }
        List<Stop> stops = new ArrayList<>();
        for (int m = 0; m < moments.size(); m++) {
            List<Candidate> moment = moments.get(m);
            Candidate first = moment.get(0);
            int last = moment.stream().mapToInt(Candidate::index).max().orElseThrow();
            int next = m + 1 < moments.size() ? moments.get(m + 1).get(0).index() : entries.size();
            List<Stop.Kind> kinds = moment.stream().map(Candidate::kind).distinct().toList();
            String title = String.join("; ", moment.stream().map(Candidate::title).distinct().toList());
            List<String> prompts = moment.stream().map(Candidate::prompt).filter(p -> p != null).toList();
            List<String> happened = happened(last + 1, next, next == entries.size() ? endNote : null);
            if (m + 1 < moments.size()) {
                Candidate following = moments.get(m + 1).get(0);
                happened.add("then, at " + RunOffset.format(following.t() - startT) + ": " + following.title());
            }
            stops.add(new Stop(m + 1, first.t(), first.t() - startT, kinds, title, prompts, first.index(), last,
                    happened));
        }
        return stops;
    }

    /** Entries {@code [from, to)} summarised: their events (a dozen at most), then each probe's sample counts. */
    private List<String> happened(int from, int to, String endNote) {
        List<String> lines = new ArrayList<>();
        Map<String, long[]> probes = new LinkedHashMap<>();
        int hidden = 0;
        for (int i = from; i < to; i++) {
            Entry entry = entries.get(i);
            if (entry instanceof ReplaySample s) {
                long[] counts = probes.computeIfAbsent(s.probe(), p -> new long[2]);
                counts[0]++;
                counts[1] += s.ok() ? 0 : 1;
                continue;
            }
            String text = EventText.describe((Happening) entry);
            if (text == null) {
                continue;
            }
            if (lines.size() < MAX_LINES) {
                lines.add(RunOffset.format(entry.t() - startT) + "  " + text);
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            lines.add("… and " + hidden + " more events");
        }
        probes.forEach((p, c) -> lines.add(p + ": " + c[0] + " samples, " + c[1] + " failed"));
        if (endNote != null) {
            lines.add(endNote);
        }
        return lines;
    }
}
