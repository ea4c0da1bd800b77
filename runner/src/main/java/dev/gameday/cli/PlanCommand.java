package dev.gameday.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gameday plan validate|run|next|ics PLAN}: game-day plans (docs/plan-format.md). */
@Command(
        name = "plan",
        header = "Game-day plans: validate, run a suite or matrix, next dates, invitation.",
        mixinStandardHelpOptions = true,
        description = {
            "A plan names the people and their roles, when the game day runs (a date-time or cron),",
            "the blackouts and freezes it must stay out of, the experiments in order (parallel",
            "groups, matrices), a stop policy and webhooks. See docs/plan-format.md.",
        },
        subcommands = {
            PlanValidateCommand.class,
            PlanRunCommand.class,
            PlanNextCommand.class,
            PlanIcsCommand.class,
            CommandLine.HelpCommand.class,
        })
final class PlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
