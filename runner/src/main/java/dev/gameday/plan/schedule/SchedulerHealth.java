package dev.gameday.plan.schedule;

import java.util.List;

/**
 * Whether the scheduler is fine ({@code /health}: 200 when {@code ok}, else 503), and what is wrong
 * when it is not: not started or stopped, its timer late (no decision round for over twice its
 * period), the plans folder unreadable, or a history file that could not be written.
 */
public record SchedulerHealth(boolean ok, List<String> problems) {
    public SchedulerHealth {
        problems = List.copyOf(problems);
    }
}
