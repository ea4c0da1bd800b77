package dev.gameday.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.journal.Journal;
import dev.gameday.journal.JournalReader;
import dev.gameday.journal.PhaseStarted;
import dev.gameday.journal.RunStarted;
import dev.gameday.journal.SampleTaken;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.testing.SideBySide;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated runs, their samples crossing phase boundaries out of order: the judge fed live
 * (typed events, as the runner does), fed the journal file read back (as every report does) and fed
 * the events in time order (as the replay does) reach the same evidence, detections, recovery,
 * tolerance changes and aborts — and all agree with the rules written the slow, obvious way
 * ({@link ReferenceJudge}).
 */
@Order(1) // a long pole of the suite: started among the first, so the others fill in beside it
class JudgeAgreementTest {
    private static final int RUNS = 2000;

    @TempDir
    Path tmp;

    /** What a judge concluded, in a comparable form. */
    record Outcome(List<?> evidence, List<?> detections, Long recovered, Map<String, List<String>> changes,
            List<String> aborts) {}

    static final class Recorder implements Judge.Listener {
        final Map<String, List<String>> changes = new LinkedHashMap<>();
        final List<String> aborts = new ArrayList<>();

        @Override
        public void toleranceChanged(ToleranceChanged c) {
            changes.computeIfAbsent(c.probe(), p -> new ArrayList<>())
                    .add(c.tolerance() + ":" + c.holds() + "@" + c.windowEndT());
        }

        @Override
        public void abortTripped(AbortRule rule, double observed, long windowEndT) {
            aborts.add(rule.name() + " " + observed + "@" + windowEndT);
        }
    }

    @Test
    void liveFileAndReferenceJudgementsAgreeNumberForNumber() throws Exception {
        Random random = new Random(20261201);
        SideBySide.check(RUNS, () -> Scenario.generate(random), (run, scenario) -> {
            Recorder liveEvents = new Recorder();
            Judge live = new Judge(Rules.of(scenario.experiment()), liveEvents);
            scenario.journal().forEach(e -> live.on(e.t(), e.event()));
            Outcome fromLive = outcome(live, liveEvents);

            Path file = tmp.resolve("journal-" + run + ".jsonl");
            long[] clock = {0};
            try (Journal journal = Journal.create(file, UnaryOperator.identity(), () -> clock[0])) {
                journal.append(new RunStarted(RunStarted.FORMAT_VERSION, "run", "x.yaml", "0", scenario.experiment(),
                        "u", "h", Map.of(), null, Map.of(), List.of(), false));
                for (Scenario.Timed e : scenario.journal()) {
                    clock[0] = e.t();
                    journal.append(e.event());
                }
            }
            Recorder fileEvents = new Recorder();
            Judge fromFile = Judge.forJournal(fileEvents);
            JournalReader.read(file, fromFile::accept);

            String context = "run " + run + ": " + scenario.experiment();
            assertThat(outcome(fromFile, fileEvents)).as(context).isEqualTo(fromLive);

            // The replay feeds the judge in time order (samples where they were due): the same judgement.
            Recorder timeOrderEvents = new Recorder();
            Judge inTimeOrder = new Judge(Rules.of(scenario.experiment()), timeOrderEvents);
            scenario.journal().stream().sorted(java.util.Comparator.comparingLong(Scenario.Timed::t))
                    .forEach(e -> inTimeOrder.on(e.t(), e.event()));
            assertThat(outcome(inTimeOrder, timeOrderEvents)).as(context).isEqualTo(fromLive);

            ReferenceJudge reference = new ReferenceJudge(scenario);
            assertThat(fromLive.evidence()).as(context).isEqualTo(reference.evidence());
            assertThat(fromLive.detections()).as(context).isEqualTo(reference.detections());
            assertThat(fromLive.recovered()).as(context).isEqualTo(reference.recoveredAfterMs());
            reference.changes().forEach((probe, changes) ->
                    assertThat(fromLive.changes().getOrDefault(probe, List.of())).as(context + " " + probe)
                            .isEqualTo(changes));
            assertThat(fromLive.aborts()).as(context).isEqualTo(referenceAborts(scenario));
        });
    }

    private static Outcome outcome(Judge judge, Recorder events) {
        return new Outcome(judge.evidence(), judge.detections(), judge.recoveredAfterMs(), events.changes,
                events.aborts);
    }

    /** The first full window of the condition's length, from the method start until the after phase, that trips it. */
    private static List<String> referenceAborts(Scenario scenario) {
        Rules rules = Rules.of(scenario.experiment());
        List<String> out = new ArrayList<>();
        for (AbortRule a : rules.aborts()) {
            long from = markT(scenario, "method");
            long until = markT(scenario, "after");
            long interval = rules.probe(a.probe()).intervalMs();
            List<ReferenceJudge.S> samples = scenario.journal().stream()
                    .filter(e -> e.event() instanceof SampleTaken s && s.probe().equals(a.probe()))
                    .map(e -> ReferenceJudge.of((SampleTaken) e.event()))
                    .filter(s -> s.t() >= from && s.t() < until)
                    .sorted(java.util.Comparator.comparingLong(ReferenceJudge.S::t))
                    .toList();
            for (ReferenceJudge.S s : samples) {
                long end = s.t();
                if (end - a.sustainedMs() < from - interval) {
                    continue;
                }
                List<ReferenceJudge.S> window = samples.stream()
                        .filter(x -> x.t() <= end && x.t() > end - a.sustainedMs()).toList();
                double value = ReferenceJudge.metric(a.condition(), window);
                if (a.condition().holds(value)) {
                    out.add(a.name() + " " + value + "@" + end);
                    break;
                }
            }
        }
        return out;
    }

    private static long markT(Scenario scenario, String phase) {
        return scenario.journal().stream()
                .filter(e -> e.event() instanceof PhaseStarted p && p.phase().equals(phase))
                .findFirst().orElseThrow().t();
    }
}
