package dev.gameday.judge;

import dev.gameday.text.Units;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;

/**
 * How the evidence reads in words, for the console, the reports and the replay alike: one number per
 * phase and step, and the direction right ("fell to 98.04%, below >= 99%").
 */
public final class Sentences {
    private Sentences() {}

    /** {@code before any fault}, {@code during step slow-inventory}, {@code during the method}, … */
    public static String where(Evidence e) {
        if (e.step() != null) {
            return "during step " + e.step();
        }
        return switch (e.phase()) {
            case "before" -> "before any fault";
            case "during" -> "during the method";
            case "recovery" -> "during recovery";
            case "after" -> "after recovery";
            default -> "in " + e.phase();
        };
    }

    /** {@code product-page success ratio fell to 98.04% during step slow-inventory, below >= 99%}. */
    public static String observation(Evidence e) {
        Metric metric = Metric.parse(e.tolerance());
        String subject = e.probe() + " " + metric.label();
        if (e.observed() == null) {
            return subject + (metric.isValue() && e.samples() > 0 ? ": nothing measured " : ": no samples ") + where(e);
        }
        boolean lowerIsWorse = e.expected().startsWith(">");
        if (e.status() == Status.FAIL) {
            return subject + (lowerIsWorse ? " fell to " : " rose to ") + e.observedText() + " " + where(e)
                    + (lowerIsWorse ? ", below " : ", above ") + e.expected();
        }
        return subject + " stayed within " + e.expected() + " " + where(e) + " (worst window "
                + e.observedText() + ")";
    }

    /** {@code abort condition storefront-collapsing tripped: product-page success ratio 40% over 2 s (trips at < 50%)}. */
    public static String abort(AbortRule rule, double observed) {
        return "abort condition " + rule.name() + " tripped: " + rule.probe() + " " + rule.condition().metric().label()
                + " " + rule.condition().format(observed) + " over " + Units.duration(rule.sustainedMs())
                + " (trips at " + rule.condition().expected() + ")";
    }
}
