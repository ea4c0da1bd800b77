package dev.gameday.replay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.journal.ToleranceChanged;
import dev.gameday.judge.Judge;
import dev.gameday.judge.Rules;
import dev.gameday.judge.SampleWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's judge, fed the replay's entries as it moves through them (in time order: the judge
 * reaches the same windows as in file order, since one probe's samples stay in slot order). What the
 * replay shows of a probe — its window's figures, a tolerance that stops holding — is what the run
 * saw and what the report says.
 */
public final class ReplayJudge {
    private final Judge judge;
    private final List<ToleranceChanged> changes = new ArrayList<>();

    public ReplayJudge(JsonNode experiment) {
        judge = new Judge(Rules.of(experiment), new Judge.Listener() {
            @Override
            public void toleranceChanged(ToleranceChanged change) {
                changes.add(change);
            }
        });
    }

    /** Moves the judge past one entry; returns the tolerance changes it brought about. */
    public List<ToleranceChanged> feed(Entry entry) {
        changes.clear();
        if (entry instanceof Sample s) {
            judge.sample(s.probe(), s.t(), s.ok(), s.ms(), s.value());
        } else if (entry instanceof Happening h) {
            switch (h.type()) {
                case "phase" -> judge.phase(h.t(), h.text("phase"));
                case "fault.injected" -> judge.faultInjected(h.t(), h.text("step"), h.text("proxy"));
                case "fault.removed" -> judge.faultRemoved(h.t(), h.text("step"));
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
