package dev.gameday.plan.schedule;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * A plan file the scheduler watches, as of its last round: its title and next start that runs (null
 * when it has none or no {@code when}), whether a run of it is under way, or why the file is invalid
 * ({@code problem}, null when it loaded).
 */
public record ScheduledPlan(Path file, String slug, String title, ZonedDateTime next, boolean running, String problem) {}
