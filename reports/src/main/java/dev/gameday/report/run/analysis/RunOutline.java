package dev.gameday.report.run.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.experiment.ExperimentView;
import java.util.List;

/**
 * The run's frame: its {@code run.started} event (missing when the journal has none), the experiment
 * copy, when it began and ended (epoch ms; {@code startT} is {@code run.started}'s, else the first
 * event's) and the phases it began.
 */
public record RunOutline(JsonNode runStarted, ExperimentView experiment, long startT, long endT,
        List<PhaseMark> phases) {

    private static final List<String> PHASES = List.of("before", "method", "recovery", "after");

    public RunOutline {
        phases = List.copyOf(phases);
    }

    /** A phase beginning. */
    public record PhaseMark(String phase, long t) {}

    public long durationMs() {
        return Math.max(0, endT - startT);
    }

    /** The phases of a full run that this run never began. */
    public List<String> phasesNotReached() {
        return phasesNotReached(phases);
    }

    static List<String> phasesNotReached(List<PhaseMark> phases) {
        List<String> seen = phases.stream().map(PhaseMark::phase).toList();
        return PHASES.stream().filter(p -> !seen.contains(p)).toList();
    }

    /** When a judged phase began (epoch ms), or null when the run never reached it. */
    public Long phaseStart(String judgedPhase) {
        String runPhase = judgedPhase.equals("during") ? "method" : judgedPhase;
        return phases.stream().filter(p -> p.phase().equals(runPhase)).map(PhaseMark::t).findFirst().orElse(null);
    }

    /** The last phase the run began, {@code none} before any. */
    public String lastPhase() {
        return phases.isEmpty() ? "none" : phases.get(phases.size() - 1).phase();
    }
}
