package dev.gameday.replay;

import dev.gameday.replay.internal.Entry;
import dev.gameday.replay.internal.EventText;
import dev.gameday.replay.internal.Happening;
import dev.gameday.replay.internal.NotesFile;
import dev.gameday.replay.internal.ReplaySample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded run as a browser replays it: its events in words, its probes' samples (thinned to at most
 * {@value #MAX_POINTS} per probe, for the charts) and the very {@link Stop}s the terminal replay stops
 * at ({@link RecordedRun#stops()}, one {@link StopFinder}). Times are from the run's start.
 *
 * @param events      what happened, in time order
 * @param shownAtStop for each stop, how many of {@code events} it shows: up to its moment's last event,
 *                    as the terminal replay does
 */
public record ReplayScript(String title, long lengthMs, String partialReason, List<Line> events,
        Map<String, List<Point>> samples, List<Stop> stops, List<Integer> shownAtStop) {
    static final int MAX_POINTS = 4000;

    /** An event in words, {@code atMs} from the run's start. */
    public record Line(long atMs, String type, String text) {}

    /** One sample: its latency and whether it passed its probe's checks. */
    public record Point(long atMs, double ms, boolean ok) {}

    public static ReplayScript of(RecordedRun run) {
        List<Line> events = new ArrayList<>();
        Map<String, List<ReplaySample>> byProbe = new LinkedHashMap<>();
        List<Integer> shownAtStop = new ArrayList<>();
        List<Stop> stops = run.stops();
        for (int i = 0; i < run.entries().size(); i++) {
            Entry e = run.entries().get(i);
            while (shownAtStop.size() < stops.size() && stops.get(shownAtStop.size()).lastEntry() < i) {
                shownAtStop.add(events.size());
            }
            if (e instanceof ReplaySample s) {
                byProbe.computeIfAbsent(s.probe(), p -> new ArrayList<>()).add(s);
            } else if (e instanceof Happening h) {
                String text = EventText.describe(h);
                if (text != null) {
                    events.add(new Line(h.t() - run.startT(), h.type(), text));
                }
            }
        }
        while (shownAtStop.size() < stops.size()) {
            shownAtStop.add(events.size());
        }
        Map<String, List<Point>> samples = new LinkedHashMap<>();
        byProbe.forEach((probe, all) -> {
            int every = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                ReplaySample s = all.get(i);
                // Thinned, but a failed sample is always kept: it is what the room looks for.
                if (i % every == 0 || !s.ok()) {
                    points.add(new Point(s.t() - run.startT(), s.ms(), s.ok()));
                }
            }
            samples.put(probe, points);
        });
        String title = run.experiment().path("title").asText("Untitled experiment");
        return new ReplayScript(title, run.lengthMs(), run.partialReason(), events, samples, stops,
                shownAtStop);
    }

    /**
     * Saves a note typed at stop {@code number} to the run's {@code notes.jsonl}, as the terminal replay
     * does: the next report shows it.
     */
    public static void note(RecordedRun run, int number, String text) throws IOException {
        Stop stop = run.stops().stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no stop " + number));
        try (NotesFile notes = NotesFile.open(run.runDir().resolve("notes.jsonl"))) {
            notes.append(stop.t(), stop.title(), text);
        }
    }
}
