package dev.gameday.replay.internal;

import dev.gameday.journal.ToleranceChanged;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.judge.SampleWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's judge, fed the replay's entries as it moves through them (in time order: the judge
 * reaches the same windows as in file order, since one probe's samples stay in slot order). What the
 * replay shows of a probe — its window's figures, a tolerance that stops holding — is what the run
 * saw and what the report says.
 */
public final class ReplayJudge {
    private final Judge judge;
    private final List<ToleranceChanged> changes = new ArrayList<>();

    /** Fault steps judged, at most: each costs the judge on every sample, and a run has a handful. */
    static final int MAX_FAULT_STEPS = 500;

    private final Set<String> faultSteps = new HashSet<>();

    public ReplayJudge(Rules rules) {
        judge = new Judge(rules, new Judge.Listener() {
            @Override
            public void toleranceChanged(ToleranceChanged change) {
                changes.add(change);
            }
        });
    }

    /** Moves the judge past one entry; returns the tolerance changes it brought about. */
    public List<ToleranceChanged> feed(Entry entry) {
        changes.clear();
        if (entry instanceof ReplaySample s) {
            judge.sample(s.probe(), s.t(), s.ok(), s.ms(), s.value());
        } else if (entry instanceof Happening h) {
            switch (h.type()) {
                case "phase" -> judge.phase(h.t(), h.text("phase"));
                case "fault.injected" -> {
                    String step = h.body().path("step").asText();
                    if (faultSteps.size() < MAX_FAULT_STEPS || faultSteps.contains(step)) {
                        faultSteps.add(step);
                        judge.faultInjected(h.t(), step, h.body().path("proxy").asText());
                    }
                }
                case "fault.removed" -> judge.faultRemoved(h.t(), h.body().path("step").asText());
                default -> { }
            }
        }
        return changes.isEmpty() ? List.of() : List.copyOf(changes);
    }

    /** The probe's current window, or null before its first sample. */
    public SampleWindow window(String probe) {
        return judge.window(probe);
    }

    public Rules rules() {
        return judge.rules();
    }

    /** Whether a change counts: a bound that stopped holding in a phase where the hypothesis checks it. */
    public boolean breach(ToleranceChanged change) {
        return !change.holds() && !change.phase().equals("recovery") && judge.rules().probe(change.probe()) != null
                && judge.rules().probe(change.probe()).checks(change.phase());
    }

    /** {@code product-page successRatio 80% over its 1 s window, outside >= 90% (during)}. */
    public static String describe(ToleranceChanged c, long windowMs) {
        return c.probe() + " " + c.tolerance() + " " + c.observedText() + " over its "
                + dev.gameday.text.Units.duration(windowMs) + " window, " + (c.holds() ? "within " : "outside ")
                + c.expected() + " (" + c.phase() + ")";
    }
}
