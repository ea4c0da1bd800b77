package dev.gameday.report.run;

import dev.gameday.report.junit.JUnitSuite;

/**
 * One run as a plan's report shows it, from its journal alone: the experiment's title, the verdict and
 * its sentence (the judge's, as the journal records them), how long it took, its error-budget cost
 * (as its own report prices it; {@code errorBudget} is null when the experiment sets no slo) and its
 * JUnit suite.
 */
public record RunSummary(String title, String verdict, String verdictSummary, long durationMs,
        double errorBudgetCostMs, String errorBudget, JUnitSuite junit) {}
