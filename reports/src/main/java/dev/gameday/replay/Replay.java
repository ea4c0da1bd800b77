package dev.gameday.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.replay.internal.AnsiScreen;
import dev.gameday.replay.internal.Command;
import dev.gameday.replay.internal.Controls;
import dev.gameday.replay.internal.Entry;
import dev.gameday.replay.internal.EventText;
import dev.gameday.replay.internal.Happening;
import dev.gameday.replay.internal.KeyControls;
import dev.gameday.replay.internal.LineControls;
import dev.gameday.replay.internal.NotesFile;
import dev.gameday.replay.internal.PlainScreen;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.judge.SampleWindow;
import dev.gameday.text.Units;
import dev.gameday.replay.internal.ReplayJudge;
import dev.gameday.replay.internal.ReplaySample;
import dev.gameday.replay.internal.Screen;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Replays a {@link RecordedRun} for a tabletop exercise: on a clock scaled by the {@link Speed}, or
 * in step mode from {@link Stop} to {@link Stop}, where the facilitator reveals what happened next and
 * types notes. What is shown is a pure function of the journal, the options and the input: waiting goes
 * through a {@link ReplayClock} and the live status is paced in journal time. A timed replay never
 * waits more than {@link #MAX_WAIT_MS} for the next event: a longer stretch with nothing recorded (a
 * machine asleep, {@code gameday recover} days later, a damaged date) is skipped and said so.
 */
public final class Replay {
    /** Longest wait of a timed replay, in replay time. */
    static final long MAX_WAIT_MS = 60_000;
    private final RecordedRun run;
    private final ReplayOptions options;
    private final Screen screen;
    private final Controls controls;
    private final ReplayClock clock;
    private final Closeable terminal;
    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int SPARK_LENGTH = 16;

    private final ReplayJudge judge;
    /** Each probe's last few latencies, for its sparkline. */
    private final Map<String, ArrayDeque<Double>> recent = new LinkedHashMap<>();
    private final Map<String, String> activeFaults = new LinkedHashMap<>();
    /** Tolerances shown breached and not yet shown holding again. */
    private final Set<String> breached = new HashSet<>();
    private String phase;
    private long lastStatusT = Long.MIN_VALUE / 2;
    private NotesFile notes;

    private Replay(RecordedRun run, ReplayOptions options, Screen screen, Controls controls, ReplayClock clock,
            Closeable terminal) {
        this.run = run;
        this.options = options;
        this.screen = screen;
        this.controls = controls;
        this.clock = clock;
        this.terminal = terminal;
        this.judge = new ReplayJudge(run.rules());
        judge.rules().probes().forEach(p -> recent.put(p.name(), new ArrayDeque<>()));
    }

    /** Plain text: commands are lines of {@code in} (read in step mode only); output one line per update. */
    public static Replay plain(RecordedRun run, ReplayOptions options, InputStream in, PrintWriter out,
            ReplayClock clock) {
        check(run, options);
        Screen screen = new PlainScreen(out);
        Controls controls = new LineControls(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), screen);
        return new Replay(run, options, screen, controls, clock, () -> { });
    }

    /** On the terminal: single keys in step mode, probe lines redrawn in place otherwise, real time. */
    public static Replay inTerminal(RecordedRun run, ReplayOptions options) throws IOException {
        check(run, options);
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        Screen screen = options.speed().step()
                ? new PlainScreen(terminal.writer())
                : new AnsiScreen(terminal.writer(), terminal.getWidth());
        return new Replay(run, options, screen, new KeyControls(terminal, screen), ReplayClock.system(), terminal);
    }

    /** Whether keys can be read from a terminal, rather than lines from a pipe or file. */
    public static boolean stdinIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it says whether it is a terminal.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static void check(RecordedRun run, ReplayOptions options) {
        if (options.from().toMillis() > run.lengthMs()) {
            throw new IllegalArgumentException("--from " + RunOffset.format(options.from().toMillis())
                    + " is after the end of the journal (" + RunOffset.format(run.lengthMs()) + ")");
        }
        Path notes = options.notes();
        if (notes != null) {
            Path folder = notes.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--notes " + notes + ": folder " + folder + " does not exist");
            }
            if (Files.isDirectory(notes)) {
                throw new IllegalArgumentException("--notes " + notes + " is a folder; give a file such as "
                        + notes.resolve("notes.jsonl"));
            }
        }
    }

    public void play() throws IOException, InterruptedException {
        try (terminal; NotesFile opened = options.notes() == null ? null : NotesFile.open(options.notes())) {
            notes = opened;
            long fromT = run.startT() + options.from().toMillis();
            long toT = options.to() == null ? Long.MAX_VALUE : run.startT() + options.to().toMillis();
            List<Stop> stops = run.stops().stream().filter(s -> s.t() >= fromT && s.t() <= toT).toList();
            header(stops.size());
            List<Entry> entries = run.entries();
            int i = 0;
            while (i < entries.size() && entries.get(i).t() < fromT) {
                absorb(entries.get(i++));
            }
            if (i > 0) {
                screen.line("… skipped to " + RunOffset.format(options.from().toMillis()) + ": " + situation());
            }
            String ending = options.speed().step() ? stepThrough(i, stops, toT) : playTimed(i, toT);
            screen.settle();
            screen.line("");
            screen.line(ending);
            if (notes != null) {
                notesFooter();
            }
            screen.flush();
        }
    }

    private void header(int stopCount) {
        JsonNode experiment = run.experiment();
        screen.line("Replay of \"" + experiment.path("title").asText("untitled experiment") + "\" — run "
                + run.started().path("runId").asText("?") + ", started " + Instant.ofEpochMilli(run.startT())
                + ", " + RunOffset.format(run.lengthMs()).substring(2) + " recorded");
        if (experiment.hasNonNull("hypothesis")) {
            screen.line("Hypothesis: " + experiment.get("hypothesis").asText().strip());
        }
        if (run.partialReason() != null) {
            screen.line("This journal is partial: " + run.partialReason() + ".");
            run.summary().problems().forEach(p -> screen.line("  " + p));
        }
        run.summary().notes().forEach(n -> screen.line("Note: " + n + "."));
        if (run.rulesProblem() != null) {
            screen.line("No tolerance is shown: " + run.rulesProblem() + ".");
        }
        Speed speed = options.speed();
        if (speed.step()) {
            screen.line("Step mode: the replay stops at " + stopCount + " moments: " + controls.help());
            screen.line(notes == null ? "Notes are not saved: replay with --notes " + run.runDir().resolve("notes.jsonl")
                    + " to keep them for the report." : "Notes are saved to " + notes.path() + ".");
        } else {
            long skipped = skippedGapsMs();
            screen.line("Speed " + speed + ": " + RunOffset.format(run.lengthMs()).substring(2) + " of run in about "
                    + RunOffset.format(Math.round((run.lengthMs() - skipped) / speed.factor())).substring(2)
                    + (skipped == 0 ? "." : ", skipping " + Units.duration(skipped) + " with nothing recorded."));
        }
        screen.line("");
    }

    /** Whether the replay skips the stretch between two events rather than wait through it. */
    private boolean skips(long gapMs) {
        return !options.speed().step() && gapMs / options.speed().factor() > MAX_WAIT_MS;
    }

    /** Run time the timed replay skips, from {@code --from} on. */
    private long skippedGapsMs() {
        long fromT = run.startT() + options.from().toMillis();
        long skipped = 0;
        Long previousT = null;
        for (Entry entry : run.entries()) {
            if (entry.t() >= fromT) {
                if (previousT != null && skips(entry.t() - previousT)) {
                    skipped += entry.t() - previousT;
                }
                previousT = entry.t();
            }
        }
        return skipped;
    }

    private String playTimed(int first, long toT) throws InterruptedException {
        List<Entry> entries = run.entries();
        long wallStart = clock.nowMillis();
        long journalStart = entries.get(first).t();
        long previousT = journalStart;
        long statusEvery = Math.round(screen.statusEveryMs() * options.speed().factor());
        int stop = firstStopFrom(first);
        for (int i = first; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.t() > toT) {
                return stoppedAtTo();
            }
            if (skips(entry.t() - previousT)) {
                screen.line("… " + Units.duration(entry.t() - previousT) + " with nothing recorded, from "
                        + RunOffset.format(previousT - run.startT()) + " to " + RunOffset.format(entry.t() - run.startT())
                        + ": skipped");
                journalStart += entry.t() - previousT;
            }
            previousT = entry.t();
            long wait = Math.round((entry.t() - journalStart) / options.speed().factor())
                    - (clock.nowMillis() - wallStart);
            if (wait > 0) {
                screen.flush();
                clock.sleep(wait);
            }
            show(entry);
            for (; stop < run.stops().size() && run.stops().get(stop).lastEntry() == i; stop++) {
                run.stops().get(stop).prompts().forEach(p -> screen.line("   ? " + p));
            }
            if (entry instanceof ReplaySample && entry.t() - lastStatusT >= statusEvery) {
                status(entry.t());
            }
        }
        status(entries.get(entries.size() - 1).t());
        return finished();
    }

    private String stepThrough(int first, List<Stop> stops, long toT) throws IOException {
        List<Entry> entries = run.entries();
        int i = first;
        for (int s = 0; s < stops.size(); s++) {
            Stop stop = stops.get(s);
            while (i <= stop.lastEntry()) {
                show(entries.get(i++));
            }
            status(entries.get(stop.lastEntry()).t());
            banner(stop, s + 1, stops.size());
            if (!answer(stop)) {
                return "Replay stopped by the facilitator at " + RunOffset.format(stop.atMs()) + ".";
            }
        }
        for (; i < entries.size(); i++) {
            if (entries.get(i).t() > toT) {
                return stoppedAtTo();
            }
            show(entries.get(i));
        }
        status(entries.get(entries.size() - 1).t());
        return finished();
    }

    /** Takes commands at a stop until the facilitator moves on (true) or quits (false). */
    private boolean answer(Stop stop) throws IOException {
        while (true) {
            screen.flush();
            Command command = controls.next();
            switch (command.kind()) {
                case NEXT -> {
                    return true;
                }
                case QUIT -> {
                    return false;
                }
                case REVEAL -> {
                    screen.line("   What happened next:");
                    stop.happenedNext().forEach(l -> screen.line("     " + l));
                }
                case NOTE -> {
                    if (notes == null) {
                        screen.line("   not saved: replay with --notes " + run.runDir().resolve("notes.jsonl"));
                    } else {
                        notes.append(stop.t(), stop.title(), command.text());
                        screen.line("   note saved");
                    }
                }
            }
        }
    }

    /** Stops are numbered within the part replayed ({@code --from}/{@code --to}). */
    private void banner(Stop stop, int number, int count) {
        screen.line("── Stop " + number + "/" + count + " · " + RunOffset.format(stop.atMs()) + " · "
                + stop.title());
        stop.prompts().forEach(p -> screen.line("   Prompt: " + p));
        screen.line("   What would you see now? What would you do?");
        screen.line("   " + controls.help());
    }

    private int firstStopFrom(int entry) {
        int stop = 0;
        while (stop < run.stops().size() && run.stops().get(stop).lastEntry() < entry) {
            stop++;
        }
        return stop;
    }

    private void show(Entry entry) {
        for (ToleranceChanged c : absorb(entry)) {
            if (judge.breach(c) || c.holds() && breached.remove(c.probe() + " " + c.tolerance())) {
                if (!c.holds()) {
                    breached.add(c.probe() + " " + c.tolerance());
                }
                screen.line(RunOffset.format(entry.t() - run.startT()) + "  tolerance " + (c.holds() ? "holds again: "
                        : "breached: ") + ReplayJudge.describe(c, judge.rules().probe(c.probe()).windowMs()));
            }
        }
        if (entry instanceof Happening h) {
            String text = EventText.describe(h);
            if (text != null) {
                screen.line(RunOffset.format(h.t() - run.startT()) + "  " + text);
            }
        }
    }

    /** Follows what a viewer would know at this point: the judge's windows, the phase, active faults. */
    private List<ToleranceChanged> absorb(Entry entry) {
        List<ToleranceChanged> changes = judge.feed(entry);
        if (entry instanceof ReplaySample s) {
            ArrayDeque<Double> last = recent.computeIfAbsent(s.probe(), p -> new ArrayDeque<>());
            last.addLast(s.ms());
            if (last.size() > SPARK_LENGTH) {
                last.removeFirst();
            }
            return changes;
        }
        Happening h = (Happening) entry;
        switch (h.type()) {
            case "phase" -> phase = h.text("phase");
            case "fault.injected" -> activeFaults.put(faultKey(h, h.body().path("toxic").path("name").asText("down")),
                    EventText.fault(h.body()));
            case "fault.removed" -> activeFaults.remove(faultKey(h, h.text("toxicName") == null
                    ? "down" : h.text("toxicName")));
            default -> { }
        }
        return changes;
    }

    private static String faultKey(Happening h, String toxic) {
        return h.text("proxy") + "/" + toxic;
    }

    private String situation() {
        return "phase " + (phase == null ? "none yet" : phase) + "; faults active: "
                + (activeFaults.isEmpty() ? "none" : String.join(", ", activeFaults.values()));
    }

    /** Each probe's current window as the judge has it: {@code product-page  success 98.3%  p95 455 ms  ▁▂▅▇}. */
    private void status(long t) {
        lastStatusT = t;
        int width = recent.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        recent.forEach((probe, latencies) -> {
            SampleWindow w = judge.window(probe);
            if (w != null && w.count() > 0) {
                lines.add(String.format(Locale.ROOT, "%s  %-" + width + "s  success %6s  p95 %8s  %s",
                        RunOffset.format(t - run.startT()), probe, Units.percent(w.successRatio()),
                        Units.latency(w.percentileMs(95)), sparkline(latencies)));
            }
        });
        screen.status(lines);
    }

    private static String sparkline(ArrayDeque<Double> latencies) {
        double max = latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double ms : latencies) {
            int bar = max <= 0 ? 0 : (int) Math.min(BARS.length() - 1, Math.floor(ms / max * BARS.length()));
            line.append(BARS.charAt(bar));
        }
        return line.toString();
    }

    private String stoppedAtTo() {
        return "Replay stopped at --to " + RunOffset.format(options.to().toMillis()) + ".";
    }

    private String finished() {
        if (!run.summary().ended()) {
            String note = run.endNote();
            return Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".";
        }
        return "Replay finished.";
    }

    private void notesFooter() {
        Path expected = run.runDir().resolve("notes.jsonl").toAbsolutePath().normalize();
        screen.line(notes.written() + " note(s) saved to " + notes.path() + ".");
        if (!notes.path().toAbsolutePath().normalize().equals(expected)) {
            screen.line("gameday report shows the notes in " + expected + " as \"Tabletop notes\"; "
                    + "these are elsewhere.");
        }
    }
}
