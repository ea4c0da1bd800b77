package dev.gameday.plan;

import java.time.ZonedDateTime;

/**
 * One start of a plan and the window it must finish in, in the plan's zone; {@code skipped} says why
 * it does not run (a blackout's or freeze's reason), null when it runs.
 */
public record Occurrence(ZonedDateTime start, ZonedDateTime end, String skipped) {
    public boolean runs() {
        return skipped == null;
    }
}
