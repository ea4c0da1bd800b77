package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.replay.RunOffset;
import dev.gameday.replay.Stop;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.experiment.ToleranceSpec;
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
 * tolerance breach, abort and tabletop prompt. Things that happen within {@link #MOMENT_MS} of each
 * other (a step starting and its fault being injected) are one moment, hence one stop.
 */
public final class StopFinder {
    static final long MOMENT_MS = 100;
    private static final int MAX_LINES = 12;
    /** Probe windows when a tolerance names none. */
    public static final long DEFAULT_WINDOW_MS = 5000;

    private final List<Entry> entries;
    private final JsonNode experiment;
    private final long startT;

    private record Candidate(int index, long t, Stop.Kind kind, String title, String prompt) {}

    private StopFinder(List<Entry> entries, JsonNode experiment, long startT) {
        this.entries = entries;
        this.experiment = experiment;
        this.startT = startT;
    }

    /**
     * @param endNote what to say when "what happened next" reaches the end of a journal that did not
     *                end (null when it ended)
     */
    public static List<Stop> find(List<Entry> entries, JsonNode experiment, long startT, String endNote) {
        StopFinder finder = new StopFinder(entries, experiment, startT);
        return finder.stops(finder.candidates(), endNote);
    }

    /** The window a probe's success ratio is judged over (its tolerance window). */
    public static long windowMs(JsonNode probe) {
        JsonNode window = probe.path("tolerance").path("window");
        return window.isNumber() && window.asLong() > 0 ? window.asLong() : DEFAULT_WINDOW_MS;
    }

    private List<Candidate> candidates() {
        boolean journalJudgesTolerances = entries.stream()
                .anyMatch(e -> e instanceof Happening h && h.type().equals("tolerance"));
        Map<String, ProbeWindow> windows = new HashMap<>();
        Map<String, ToleranceSpec> bounds = new HashMap<>();
        Map<String, Set<String>> checks = new HashMap<>();
        Map<String, Boolean> holding = new HashMap<>();
        for (JsonNode probe : experiment.path("steadyState").path("probes")) {
            ToleranceSpec bound = ExperimentView.tolerances(probe).stream().filter(ToleranceSpec::isRatio)
                    .findFirst().orElse(null);
            String name = probe.path("name").asText();
            if (bound != null && !journalJudgesTolerances) {
                windows.put(name, new ProbeWindow(name, windowMs(probe)));
                bounds.put(name, bound);
                Set<String> check = new HashSet<>();
                probe.path("check").forEach(c -> check.add(c.asText()));
                checks.put(name, check);
            }
        }
        List<Candidate> found = new ArrayList<>();
        String phase = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry instanceof Sample s) {
                ProbeWindow window = windows.get(s.probe());
                if (window != null) {
                    window.add(s);
                    boolean holds = bounds.get(s.probe()).holds(window.successRatio());
                    Boolean held = holding.put(s.probe(), holds);
                    if (!holds && (held == null || held) && checked(checks.get(s.probe()), phase)) {
                        found.add(new Candidate(i, s.t(), Stop.Kind.BREACH, "tolerance breached: " + s.probe()
                                + " successRatio " + Numbers.percent(window.successRatio()) + " over the last "
                                + Numbers.millis(window.windowMs()) + " (expected " + bounds.get(s.probe()).op() + " "
                                + Numbers.percent(bounds.get(s.probe()).bound()) + ", computed from samples)", null));
                    }
                }
                continue;
            }
            Happening h = (Happening) entry;
            switch (h.type()) {
                case "phase" -> {
                    phase = h.text("phase");
                    String begun = phase;
                    prompts(i, h, p -> !p.hasNonNull("step") && p.path("phase").asText().equals(begun),
                            "phase " + phase + " begins", found);
                }
                case "step.started" -> prompts(i, h, p -> h.text("step").equals(p.path("step").asText())
                        && !p.path("at").asText("start").equals("end"), "step " + h.text("step") + " starts", found);
                case "step.ended" -> prompts(i, h, p -> h.text("step").equals(p.path("step").asText())
                        && p.path("at").asText().equals("end"), "step " + h.text("step") + " ends", found);
                case "fault.injected" -> found.add(new Candidate(i, h.t(), Stop.Kind.FAULT_START,
                        "fault injected: " + EventText.fault(h.body()), null));
                case "fault.removed" -> found.add(new Candidate(i, h.t(), Stop.Kind.FAULT_END,
                        "fault removed: " + EventText.removedFault(h.body()), null));
                case "tolerance" -> {
                    if (!h.body().path("holds").asBoolean(true)) {
                        found.add(new Candidate(i, h.t(), Stop.Kind.BREACH,
                                "tolerance breached: " + EventText.toleranceDetail(h), null));
                    }
                }
                case "abort" -> found.add(new Candidate(i, h.t(), Stop.Kind.ABORT,
                        "abort: " + h.text("condition") + (h.text("message") == null ? "" : " — " + h.text("message")),
                        null));
                default -> { }
            }
        }
        return found;
    }

    /** Whether a probe's tolerance is part of the hypothesis in this phase ({@code check}). */
    private static boolean checked(Set<String> check, String phase) {
        if (phase == null) {
            return false;
        }
        String when = switch (phase) {
            case "before" -> "before";
            case "method" -> "during";
            case "after" -> "after";
            default -> null;
        };
        return when != null && (check.isEmpty() || check.contains("continuously") || check.contains(when));
    }

    private void prompts(int index, Happening h, Predicate<JsonNode> matches, String title,
            List<Candidate> found) {
        for (JsonNode prompt : experiment.path("tabletop")) {
            if (matches.test(prompt)) {
                found.add(new Candidate(index, h.t(), Stop.Kind.PROMPT, title, prompt.path("prompt").asText()));
            }
        }
    }

    private List<Stop> stops(List<Candidate> candidates, String endNote) {
        List<List<Candidate>> moments = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Candidate> last = moments.isEmpty() ? null : moments.get(moments.size() - 1);
            if (last != null && c.t() - last.get(0).t() <= MOMENT_MS) {
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

    /** Entries {@code [from, to)} summarised: their events (a dozen at most), then each probe's samples. */
    private List<String> happened(int from, int to, String endNote) {
        List<String> lines = new ArrayList<>();
        Map<String, ProbeWindow> probes = new LinkedHashMap<>();
        int hidden = 0;
        for (int i = from; i < to; i++) {
            Entry entry = entries.get(i);
            if (entry instanceof Sample s) {
                probes.computeIfAbsent(s.probe(), p -> new ProbeWindow(p, Long.MAX_VALUE)).add(s);
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
        probes.values().forEach(p -> lines.add(p.summary()));
        if (endNote != null) {
            lines.add(endNote);
        }
        return lines;
    }
}
