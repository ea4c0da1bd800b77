package dev.gameday.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.journal.JournalLine;
import dev.gameday.journal.JournalReader;
import dev.gameday.journal.JournalTail;
import dev.gameday.judge.AbortNow;
import dev.gameday.judge.Judge;
import dev.gameday.judge.ProbeRule;
import dev.gameday.judge.SampleWindow;
import dev.gameday.report.run.analysis.TimelineText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One run as the room sees it while its journal is written: the journal followed line by line
 * ({@link JournalTail}, the reader's own rules) into the run's own {@link Judge}, so every figure shown
 * — a probe's window, an abort condition's value against its bound — is the judge's; and its
 * Toxiproxy server asked what is in place now. {@link #poll} runs on one worker thread at a time and
 * returns the state as JSON for the page ({@link LiveFeed} sends it).
 */
final class LiveRun {
    /** How far back the charts go. */
    static final long CHART_MS = 120_000;
    private static final int MAX_EVENTS = 60;
    private static final int MAX_NOTES = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final Path dir;
    private final RoomMetrics metrics;
    private final JournalTail tail;
    private final Judge judge = Judge.forJournal(new Judge.Listener() {});
    private final Set<String> steps = new LinkedHashSet<>();
    private final Set<String> proxies = new LinkedHashSet<>();
    private final Map<String, Deque<long[]>> points = new LinkedHashMap<>();
    private final Deque<ObjectNode> events = new ArrayDeque<>();
    private final Deque<ObjectNode> notes = new ArrayDeque<>();
    /** Who took part, by name, with the role they gave with their latest note (the run's user: "ran the run"). */
    private final Map<String, String> people = new LinkedHashMap<>();
    private String title = "";
    private long startT;
    private URI toxiproxy;
    private String phase = "";
    private long phaseT;
    private Long plannedMs;
    private String verdict;
    private String summary;
    private boolean ended;
    private String abortedBy;
    private ProxyState proxyState;
    private boolean planRead;

    LiveRun(String id, Path dir, RoomMetrics metrics) {
        this.id = id;
        this.dir = dir;
        this.metrics = metrics;
        this.tail = new JournalTail(dir.resolve(JournalReader.FILE_NAME), this::line);
    }

    Path dir() {
        return dir;
    }

    /** Reads what the run journaled since the last poll, asks its Toxiproxy, and says where it stands. */
    synchronized String poll() throws IOException {
        if (!planRead) {
            planRead = true;
            planParticipants();
        }
        tail.poll();
        boolean live = !ended && RunsFolder.live(dir);
        if (live && toxiproxy != null) {
            proxyState = ProxyState.read(toxiproxy, proxies);
        } else if (!live) {
            proxyState = null; // a run that is over has nothing in place (and an embedded server is gone)
        }
        return MAPPER.writeValueAsString(state(live));
    }

    /** A run of a plan: the people the plan names, with their roles, are in the room before anyone writes. */
    private void planParticipants() {
        RunsFolder.planRecord(dir).ifPresent(plan -> {
            try {
                MAPPER.readTree(plan.toFile()).path("participants").forEach(p -> {
                    if (p.path("name").isTextual() && people.size() < MAX_NOTES) {
                        people.put(p.path("name").asText(), p.path("role").asText(null));
                    }
                });
            } catch (IOException e) {
                // A plan record being rewritten or damaged: the room shows who writes notes instead.
            }
        });
    }

    private void line(JournalLine line) {
        judge.accept(line);
        JsonNode e = line.body();
        switch (line.type()) {
            case "sample" -> {
                String probe = e.path("probe").asText();
                boolean ok = e.path("ok").asBoolean();
                double ms = e.path("ms").asDouble();
                Deque<long[]> p = points.computeIfAbsent(probe, k -> new ArrayDeque<>());
                p.addLast(new long[] {line.t(), Math.round(ms), ok ? 1 : 0});
                while (!p.isEmpty() && p.peekFirst()[0] < line.t() - CHART_MS) {
                    p.removeFirst();
                }
                metrics.sample(probe, ms);
                return;
            }
            case "run.started" -> {
                startT = line.t();
                title = e.path("experiment").path("title").asText("Untitled experiment");
                toxiproxy = e.path("toxiproxy").path("url").isTextual()
                        ? URI.create(e.path("toxiproxy").path("url").asText()) : null;
                e.path("experiment").path("proxies").forEach(p -> proxies.add(p.path("name").asText()));
                if (e.path("user").isTextual()) {
                    people.putIfAbsent(e.path("user").asText(), "ran the run");
                }
            }
            case "phase" -> {
                phase = e.path("phase").asText();
                phaseT = line.t();
                plannedMs = e.path("plannedMs").isNumber() ? e.path("plannedMs").asLong() : null;
            }
            case "step.started" -> steps.add(e.path("step").asText());
            case "step.ended" -> steps.remove(e.path("step").asText());
            case "fault.injected" -> {
                proxies.add(e.path("proxy").asText());
                metrics.faultInjected();
            }
            case "verdict" -> {
                verdict = e.path("verdict").asText(null);
                summary = e.path("summary").asText(null);
            }
            case "abort.requested" -> abortedBy = e.path("by").asText(null);
            case "note" -> {
                keep(notes, MAX_NOTES, MAPPER.createObjectNode().put("atMs", line.t() - startT)
                        .put("author", e.path("author").asText("")).put("role", e.path("role").asText(null))
                        .put("note", e.path("note").asText("")));
                String author = e.path("author").asText("");
                String role = e.path("role").asText(null);
                if (people.size() < MAX_NOTES || people.containsKey(author)) {
                    // A note without a role keeps the one the plan (or an earlier note) gave its author.
                    people.put(author, role != null ? role : people.get(author));
                }
            }
            case "run.ended", "run.interrupted" -> ended = true;
            default -> { }
        }
        String text = TimelineText.text(line.type(), e);
        if (text != null && !line.type().equals("tolerance")) {
            keep(events, MAX_EVENTS, MAPPER.createObjectNode().put("atMs", line.t() - startT)
                    .put("type", line.type()).put("text", text));
        }
    }

    private static void keep(Deque<ObjectNode> list, int max, ObjectNode item) {
        list.addLast(item);
        if (list.size() > max) {
            list.removeFirst();
        }
    }

    private ObjectNode state(boolean live) {
        long now = System.currentTimeMillis();
        ObjectNode s = MAPPER.createObjectNode();
        s.put("id", id).put("title", title).put("startT", startT).put("nowMs", now - startT)
                .put("live", live).put("ended", ended).put("phase", phase).put("phaseAtMs", phaseT - startT);
        if (plannedMs != null && live) {
            s.put("leftMs", Math.max(0, phaseT + plannedMs - now));
        }
        s.putPOJO("steps", steps);
        s.put("verdict", verdict).put("summary", summary).put("abortedBy", abortedBy);
        ArrayNode probes = s.putArray("probes");
        if (judge.rules() != null) {
            for (ProbeRule rule : judge.rules().probes()) {
                ObjectNode p = probes.addObject().put("name", rule.name());
                SampleWindow w = judge.window(rule.name());
                if (w != null && w.count() > 0) {
                    p.put("successRatio", w.successRatio()).put("p95Ms", w.percentileMs(95)).put("count", w.count());
                }
                ArrayNode pts = p.putArray("points");
                for (long[] pt : points.getOrDefault(rule.name(), new ArrayDeque<>())) {
                    pts.addArray().add(pt[0] - startT).add(pt[1]).add(pt[2] == 1);
                }
            }
            ArrayNode aborts = s.putArray("aborts");
            for (AbortNow a : judge.abortsNow()) {
                aborts.addObject().put("name", a.rule().name()).put("probe", a.rule().probe())
                        .put("value", Double.isNaN(a.value()) ? "–" : a.rule().condition().format(a.value()))
                        .put("trips", a.rule().condition().metric().name() + " " + a.rule().condition().expected())
                        .put("forMs", a.rule().sustainedMs()).put("inRange", a.inRange())
                        .put("watching", a.watching()).put("tripped", a.tripped());
            }
        }
        if (proxyState != null) {
            s.putPOJO("faults", proxyState.faults()).putPOJO("traffic", proxyState.traffic())
                    .put("proxyProblem", proxyState.problem());
        }
        s.putPOJO("events", events);
        s.putPOJO("notes", notes);
        ArrayNode who = s.putArray("people");
        people.forEach((name, role) -> who.addObject().put("name", name).put("role", role));
        return s;
    }
}
