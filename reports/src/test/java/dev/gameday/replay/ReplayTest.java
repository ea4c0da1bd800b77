package dev.gameday.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    private static final String INJECTED = "fault injected: latency on inventory (downstream, latency=400, jitter=50)";
    /** The first full 1 s window of the method with 2 of its 10 samples failed, as the runner's judge has it. */
    private static final String BREACH =
            "tolerance breached: product-page successRatio 80% over its 1 s window, outside >= 90% (during)";

    @TempDir
    Path dir;

    private final StringWriter screen = new StringWriter();

    private String replay(Path journal, ReplayOptions options, InputStream in, ReplayClock clock)
            throws IOException, InterruptedException {
        Replay.plain(RecordedRun.load(journal), options, in, new PrintWriter(screen), clock).play();
        return screen.toString();
    }

    /** The storefront run written into a run folder. */
    private Path storefront(boolean journaledTolerances) throws IOException {
        Path run = dir.resolve("run");
        JournalFixture.storefront(journaledTolerances).write(run);
        return run;
    }

    private static InputStream commands(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes());
    }

    private static ReplayOptions step(Path notes) {
        return new ReplayOptions(Speed.STEP, null, null, notes);
    }

    @Test
    void stopsAtEveryFaultBreachAbortAndPromptOnce() throws IOException {
        Path run = storefront(true);
        List<Stop> stops = RecordedRun.load(run).stops();

        assertThat(stops).extracting(Stop::atMs).containsExactly(1000L, 1600L, 1900L, 2500L);
        assertThat(stops).extracting(Stop::kinds).containsExactly(
                List.of(Stop.Kind.PROMPT, Stop.Kind.FAULT_START),
                List.of(Stop.Kind.BREACH),
                List.of(Stop.Kind.ABORT, Stop.Kind.FAULT_END, Stop.Kind.PROMPT),
                List.of(Stop.Kind.PROMPT));
        assertThat(stops.get(0).title()).isEqualTo("step slow-inventory starts; " + INJECTED);
        assertThat(stops.get(0).prompts())
                .containsExactly("Inventory just became 400 ms slower. Which alert fires first, if any?");
        assertThat(stops.get(1).title()).isEqualTo(BREACH);
        assertThat(stops.get(2).prompts()).containsExactly("The fault is gone. What tells you?");
        assertThat(stops.get(3).title()).isEqualTo("phase recovery begins");
        assertThat(stops.get(0).happenedNext()).containsExactly("product-page: 5 samples, 1 failed",
                "then, at T+00:01.6: " + BREACH);
        assertThat(stops.get(3).happenedNext()).contains("T+00:02.9  verdict: ABORTED — Aborted: product pages failed.")
                .anyMatch(l -> l.equals("product-page: 5 samples, 0 failed"));
        assertThat(RecordedRun.load(run).stops()).isEqualTo(stops);
    }

    /** Breaches are the judge's, from the samples: a journal with or without tolerance events stops alike. */
    @Test
    void findsTheSameBreachesWhetherOrNotTheJournalHasToleranceEvents() throws IOException {
        List<Stop> stops = RecordedRun.load(storefront(false)).stops();

        assertThat(stops).extracting(Stop::atMs).containsExactly(1000L, 1600L, 1900L, 2500L);
        assertThat(stops.get(1).kinds()).containsExactly(Stop.Kind.BREACH);
        assertThat(stops.get(1).title()).isEqualTo(BREACH);
        assertThat(RecordedRun.load(storefront(true)).stops())
                .extracting(Stop::atMs, Stop::kinds, Stop::title, Stop::happenedNext)
                .isEqualTo(stops.stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.atMs(), s.kinds(), s.title(),
                        s.happenedNext())).toList());
    }

    @Test
    void stepModeHidesWhatHappenedUntilRevealAndSavesNotes() throws Exception {
        Path run = storefront(true);
        Path notes = run.resolve("notes.jsonl");
        ScriptedInput in = new ScriptedInput(screen::toString,
                "r", "n we would page inventory", "", "", "note abort was right", "next", "");

        String out = replay(run, step(notes), in, new VirtualClock());

        String atFirstStop = in.shownBefore(0);
        assertThat(atFirstStop).contains("── Stop 1/4 · T+00:01.0 · step slow-inventory starts; " + INJECTED)
                .contains("Prompt: Inventory just became 400 ms slower. Which alert fires first, if any?")
                .doesNotContain("What happened next").doesNotContain("tolerance breached").doesNotContain("Stop 2/4");
        assertThat(in.shownBefore(1)).contains("What happened next:")
                .contains("then, at T+00:01.6: tolerance breached: product-page").doesNotContain("Stop 2/4");
        assertThat(in.shownBefore(3)).contains("Stop 2/4").doesNotContain("Stop 3/4");
        assertThat(out).containsSubsequence("Stop 1/4", "Stop 2/4", "Stop 3/4", "Stop 4/4",
                "T+00:02.9  verdict: ABORTED", "Replay finished.", "2 note(s) saved to " + notes);
        assertThat(Pattern.compile("What happened next").matcher(out).results().count()).isEqualTo(1);

        List<String> lines = Files.readAllLines(notes);
        assertThat(lines).hasSize(2);
        JsonNode first = JournalFixture.JSON.readTree(lines.get(0));
        assertThat(first.get("t").asLong()).isEqualTo(JournalFixture.START + 1000);
        assertThat(first.get("stop").asText()).isEqualTo("step slow-inventory starts; " + INJECTED);
        assertThat(first.get("note").asText()).isEqualTo("we would page inventory");
        JsonNode second = JournalFixture.JSON.readTree(lines.get(1));
        assertThat(second.get("t").asLong()).isEqualTo(JournalFixture.START + 1900);
        assertThat(second.get("stop").asText()).startsWith("abort: storefront-collapsing");
        assertThat(second.fieldNames()).toIterable().containsExactly("t", "stop", "note");
    }

    @Test
    void stepModeIsAPureFunctionOfJournalOptionsAndInput() throws Exception {
        Path run = storefront(true);
        String first = replay(run, step(null), commands("r", "", "r", "", "", ""), new VirtualClock());
        screen.getBuffer().setLength(0);
        String second = replay(run, step(null), commands("r", "", "r", "", "", ""), new VirtualClock());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void scalesTheClockBySpeed() throws Exception {
        Path run = storefront(true);
        VirtualClock clock = new VirtualClock();

        String out = replay(run, new ReplayOptions(Speed.parse("100x"), null, null, null), commands(), clock);

        assertThat(clock.slept()).isBetween(25L, 35L);
        assertThat(out).contains("Speed 100x: 00:03.0 of run in about 00:00.0")
                .containsSubsequence("T+00:01.0  " + INJECTED, "   ? Inventory just became 400 ms slower",
                        "T+00:01.9  ABORT storefront-collapsing", "T+00:03.0  run ended (aborted)",
                        "Replay finished.")
                .doesNotContain("── Stop");

        VirtualClock tenTimesSlower = new VirtualClock();
        screen.getBuffer().setLength(0);
        replay(run, new ReplayOptions(Speed.parse("10x"), null, null, null), commands(), tenTimesSlower);
        assertThat(tenTimesSlower.slept()).isBetween(250L, 350L);
    }

    @Test
    void plainOutputPacesProbeLinesInJournalTime() throws Exception {
        Path run = storefront(true);

        String out = replay(run, new ReplayOptions(Speed.parse("realtime"), null, null, null), commands(),
                new VirtualClock());

        // One line a (replayed) second for a 3 s run, plus the last state.
        List<String> probeLines = out.lines().filter(l -> l.contains("  product-page  success")).toList();
        assertThat(probeLines).hasSizeBetween(3, 5);
        assertThat(probeLines.get(0)).matches("T\\+00:00\\.1  product-page  success +100%  p95 +20 ms  [▁-█]");
        assertThat(probeLines).anyMatch(l -> l.matches(".*success +\\d+%  p95 +4\\d\\d ms  [▁-█]+"));
    }

    @Test
    void realTimeReplayOfATinyJournalWaitsRoughlyItsLength() throws Exception {
        Path run = dir.resolve("tiny");
        JournalFixture.tiny().write(run);
        long started = System.nanoTime();

        String out = replay(run, new ReplayOptions(Speed.parse("realtime"), null, null, null), commands(),
                ReplayClock.system());

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).isBetween(150L, 10_000L);
        assertThat(out).contains("T+00:00.3  run ended (held)", "Replay finished.");
    }

    @Test
    void saysWhereATruncatedJournalEnds() throws Exception {
        Path run = dir.resolve("run");
        String journal = JournalFixture.storefront(true).text();
        int cut = journal.indexOf("\"type\":\"fault.removed\"") + 20;
        Files.createDirectories(run);
        Files.writeString(run.resolve("journal.jsonl"), journal.substring(0, cut));
        RecordedRun recorded = RecordedRun.load(run);

        String out = replay(run, step(null), commands("", "", "r", ""), new VirtualClock());

        assertThat(recorded.stops()).extracting(Stop::atMs).containsExactly(1000L, 1600L, 1900L);
        assertThat(out).contains("This journal is partial: it has no run.ended event; its last line is cut short.")
                .containsSubsequence("Stop 3/3", "What happened next:",
                        "the journal ends here: the run was interrupted/crashed",
                        "The journal ends here: the run was interrupted/crashed (it has no run.ended event; "
                                + "its last line is cut short).");
    }

    @Test
    void replaysAJournalThatCrashedRightAfterStarting() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        String started = JournalFixture.tiny().text().lines().findFirst().orElseThrow();
        Files.writeString(run.resolve("journal.jsonl"), started + "\n{\"type\":\"future.event\",\"t\":"
                + (JournalFixture.START + 5) + ",\"seq\":1}\n{\"type\":\"phase\",\"t\":17");

        String out = replay(run, step(null), commands(), new VirtualClock());

        assertThat(RecordedRun.load(run).stops()).isEmpty();
        assertThat(out).contains("Step mode: the replay stops at 0 moments")
                .containsSubsequence("T+00:00.0  run tiny started", "The journal ends here: the run was "
                        + "interrupted/crashed (it has no run.ended event; its last line is cut short).")
                .doesNotContain("future.event").doesNotContain("(input ended)");
    }

    @Test
    void saysWhenARecoveredRunWasMarkedInterrupted() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        String journal = JournalFixture.tiny().text().replaceAll("(?m)^.*run\\.ended.*$", "{\"type\":"
                + "\"run.interrupted\",\"t\":" + (JournalFixture.START + 9000) + ",\"seq\":9,\"reason\":\"crash\","
                + "\"removed\":[]}");
        Files.writeString(run.resolve("journal.jsonl"), journal);

        String out = replay(run, new ReplayOptions(Speed.times(1000), null, null, null), commands(), new VirtualClock());

        assertThat(out).contains("This journal is partial: it was marked interrupted afterwards.")
                .containsSubsequence("T+00:09.0  run marked interrupted: crash",
                        "The journal ends here: the run was interrupted/crashed (it was marked interrupted afterwards).");
    }

    @Test
    void replaysOnlyFromToWhenAsked() throws Exception {
        Path run = storefront(true);
        ReplayOptions options = ReplayOptions.parse("step", "1.5s", "2s", null);

        String out = replay(run, options, commands("", "", ""), new VirtualClock());

        assertThat(out).contains("… skipped to T+00:01.5: phase method; faults active: latency on inventory")
                .containsSubsequence("Stop 1/2 · T+00:01.6", "Stop 2/2 · T+00:01.9",
                        "Replay stopped at --to T+00:02.0.")
                .doesNotContain("T+00:01.0  " + INJECTED).doesNotContain("phase recovery");
    }

    @Test
    void quitsOnQAndWhenTheInputEnds() throws Exception {
        Path run = storefront(true);
        assertThat(replay(run, step(null), commands("q"), new VirtualClock()))
                .contains("Replay stopped by the facilitator at T+00:01.0.").doesNotContain("Stop 2/4");
        screen.getBuffer().setLength(0);
        assertThat(replay(run, step(null), commands("bogus", "n"), new VirtualClock()))
                .contains("unknown command 'bogus'", "a note needs text", "(input ended)",
                        "Replay stopped by the facilitator");
        screen.getBuffer().setLength(0);
        assertThat(replay(run, step(null), commands("n lost"), new VirtualClock()))
                .contains("not saved: replay with --notes " + run.toAbsolutePath().resolve("notes.jsonl"));
    }

    @Test
    void rejectsOptionsThatCannotApply() throws IOException {
        Path run = dir.resolve("run");
        JournalFixture.tiny().write(run);
        RecordedRun recorded = RecordedRun.load(run);
        PrintWriter out = new PrintWriter(screen);
        assertThatThrownBy(() -> Replay.plain(recorded, ReplayOptions.parse("10x", "5s", null, null), commands(),
                out, new VirtualClock())).hasMessage("--from T+00:05.0 is after the end of the journal (T+00:00.3)");
        assertThatThrownBy(() -> Replay.plain(recorded, step(dir.resolve("nowhere/notes.jsonl")), commands(), out,
                new VirtualClock())).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ReplayOptions.parse("step", "2s", "1s", null))
                .hasMessage("--to T+00:01.0 must come after --from T+00:02.0");
        Files.writeString(dir.resolve("empty.jsonl"), "{\"type\":\"sample\",\"t\":1,\"seq\":0}\n");
        assertThatThrownBy(() -> RecordedRun.load(dir.resolve("empty.jsonl")))
                .hasMessageContaining("does not begin with a run.started event");
    }

    @Test
    void parsesSpeedsAndOffsets() {
        assertThat(Speed.parse("10x")).isEqualTo(Speed.times(10));
        assertThat(Speed.parse("realtime")).isEqualTo(Speed.times(1));
        assertThat(Speed.parse("STEP")).isEqualTo(Speed.STEP);
        assertThat(Speed.parse("0.5x").factor()).isEqualTo(0.5);
        assertThatThrownBy(() -> Speed.parse("0x")).hasMessageContaining("use Nx");
        assertThatThrownBy(() -> Speed.parse("fast")).hasMessageContaining("use Nx");
        assertThat(RunOffset.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(RunOffset.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(RunOffset.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RunOffset.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RunOffset.parse("1h2m")).isEqualTo(Duration.ofMinutes(62));
        assertThat(RunOffset.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> RunOffset.parse("1m30")).hasMessageContaining("use e.g. 30s, 1m30s");
        assertThatThrownBy(() -> RunOffset.parse("soon")).hasMessageContaining("'soon'");
        assertThat(RunOffset.format(90_000)).isEqualTo("T+01:30.0");
        assertThat(RunOffset.format(3_723_400)).isEqualTo("T+1:02:03.4");
    }
}
