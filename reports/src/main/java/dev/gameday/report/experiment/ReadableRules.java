package dev.gameday.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.judge.Rules;
import java.util.List;

/**
 * The judge's reading of the experiment copy of a journal, which may be damaged: the rules, or why the
 * copy cannot be judged (a percentile of 500, an unknown comparison, ten thousand probes), in a reader's
 * words. Reports and replay judge nothing rather than fail on such a copy.
 *
 * @param rules   the rules; without probes or abort conditions when the copy cannot be judged
 * @param problem why it cannot; null when it can
 */
public record ReadableRules(Rules rules, String problem) {
    /** More probes or abort conditions than an experiment can have: a damaged copy. */
    static final int MAX_RULES = 1000;

    public static ReadableRules of(JsonNode experimentCopy) {
        try {
            Rules rules = Rules.of(experimentCopy);
            if (rules.probes().size() <= MAX_RULES && rules.aborts().size() <= MAX_RULES) {
                return new ReadableRules(rules, null);
            }
            return none("the experiment copy in run.started has " + rules.probes().size() + " probes and "
                    + rules.aborts().size() + " abort conditions, more than an experiment can have");
        } catch (IllegalArgumentException e) {
            return none("the experiment copy in run.started cannot be judged (" + e.getMessage() + ")");
        }
    }

    public boolean readable() {
        return problem == null;
    }

    private static ReadableRules none(String problem) {
        return new ReadableRules(new Rules(List.of(), List.of(), null, true), problem);
    }
}
