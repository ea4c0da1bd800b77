package dev.gameday.report.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.text.Units;

/**
 * The experiment's {@code slo} as an error budget: budget = (1 − objective) × window. A run is priced
 * in that unit: "2.1 min of a 43.2 min monthly budget, 4.9%".
 */
public record ErrorBudget(double objective, long windowMs) {
    private static final long DAY = 86_400_000L;

    /** Null when the experiment has no {@code slo}. */
    public static ErrorBudget of(ExperimentView experiment) {
        JsonNode slo = experiment.json().path("slo");
        if (!slo.path("objective").isNumber() || !slo.path("window").isNumber()) {
            return null;
        }
        return new ErrorBudget(slo.path("objective").asDouble(), slo.path("window").asLong());
    }

    public double budgetMs() {
        return (1 - objective) * windowMs;
    }

    public double fractionOf(double costMs) {
        double budget = budgetMs();
        return budget <= 0 ? Double.POSITIVE_INFINITY : costMs / budget;
    }

    /** "SLO 99.9% over 30 d". */
    public String describeSlo() {
        return "SLO " + Units.percent(objective) + " over " + Units.duration(windowMs);
    }

    /** "2.1 min of a 43.2 min monthly budget, 4.9%". */
    public String describeCost(double costMs) {
        double fraction = fractionOf(costMs);
        return Units.budgetTime(costMs) + " of a " + Units.minutes(budgetMs()) + " " + period() + " budget, "
                + (Double.isInfinite(fraction) ? "the whole budget (objective 100%)" : percentOfBudget(fraction));
    }

    private static String percentOfBudget(double fraction) {
        return fraction > 0 && fraction < 0.001 ? "< 0.1%" : Units.trim(fraction * 100, 1) + "%";
    }

    private String period() {
        if (windowMs >= 28 * DAY && windowMs <= 31 * DAY) {
            return "monthly";
        }
        if (windowMs == 7 * DAY) {
            return "weekly";
        }
        if (windowMs == DAY) {
            return "daily";
        }
        return Units.duration(windowMs);
    }
}
