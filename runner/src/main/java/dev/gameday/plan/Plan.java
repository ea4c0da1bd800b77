package dev.gameday.plan;

import dev.gameday.experiment.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A game-day plan, as {@link PlanLoader} read it (docs/plan-format.md): who takes part, when it runs
 * ({@code when} is null for a plan that is only run by hand or in CI), the windows it must stay out
 * of, the experiments in stages, what stops it, and whom it tells. {@code vars} go to every
 * experiment (an entry's own vars win). {@code premortem} is a link or path for the invitation, or null.
 * {@code redactor} masks the plan's secrets (webhook URLs) in everything shown or written.
 */
public record Plan(
        Path file,
        String title,
        String owner,
        String team,
        List<Participant> participants,
        When when,
        List<Blackout> blackouts,
        List<Freeze> freezes,
        Map<String, String> vars,
        List<Stage> stages,
        StopPolicy stop,
        List<Notification> notifications,
        String premortem,
        Redactor redactor) {

    public Plan {
        participants = List.copyOf(participants);
        blackouts = List.copyOf(blackouts);
        freezes = List.copyOf(freezes);
        vars = Map.copyOf(vars);
        stages = List.copyOf(stages);
        notifications = List.copyOf(notifications);
    }

    /** Every entry of every stage, in plan order. */
    public List<PlannedExperiment> entries() {
        return stages.stream().flatMap(s -> s.entries().stream()).toList();
    }

    /** The plan's name for folders and messages: its file name without the extension. */
    public String slug() {
        String name = file.getFileName().toString().replaceFirst("(\\.plan)?\\.(ya?ml)$", "");
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "plan" : slug;
    }
}
