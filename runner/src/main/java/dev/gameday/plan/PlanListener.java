package dev.gameday.plan;

/**
 * Who hears about a plan run as it goes (the webhooks, a test). Called from the plan's threads (an
 * entry of a parallel group on its own): return quickly, never throw.
 */
public interface PlanListener {
    PlanListener NONE = new PlanListener() {};

    default void runStarted(Plan plan, PlannedExperiment entry) {}

    /** An entry is over; {@link EntryResult#verdict()} ABORTED also means it was aborted. */
    default void runEnded(Plan plan, EntryResult result) {}

    default void planEnded(Plan plan, PlanResult result) {}
}
