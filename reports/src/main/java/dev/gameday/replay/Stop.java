package dev.gameday.replay;

import java.util.List;

/**
 * A moment of a recorded run where a step-mode replay stops and asks "what would you see now? what
 * would you do?". Stops are a pure function of the journal ({@link RecordedRun#stops()}), so every
 * replay — terminal or browser — stops at the same moments.
 *
 * @param number       1, 2, … in time order
 * @param t            epoch milliseconds of the moment (what a note about this stop refers to)
 * @param atMs         {@code t} measured from the run start
 * @param kinds        why the replay stops here (several when things happened together)
 * @param title        one line naming what happened, e.g. {@code fault injected: latency on inventory (…)}
 * @param prompts      the experiment's tabletop prompts for this moment (often none)
 * @param firstEntry   index in {@link RecordedRun#entries()} of the first event of the moment
 * @param lastEntry    index of its last event: the replay shows events up to here, then stops
 * @param happenedNext what actually happened until the next stop, summarised: shown on reveal only
 */
public record Stop(
        int number,
        long t,
        long atMs,
        List<Kind> kinds,
        String title,
        List<String> prompts,
        int firstEntry,
        int lastEntry,
        List<String> happenedNext) {

    public Stop {
        kinds = List.copyOf(kinds);
        prompts = List.copyOf(prompts);
        happenedNext = List.copyOf(happenedNext);
    }

    public enum Kind {
        /** A tabletop prompt from the experiment (step start/end, phase start). */
        PROMPT,
        FAULT_START,
        FAULT_END,
        /** A tolerance stopped holding (journaled, or computed from samples when the journal has none). */
        BREACH,
        ABORT
    }
}
