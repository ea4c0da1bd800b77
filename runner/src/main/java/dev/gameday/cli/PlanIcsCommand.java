package dev.gameday.cli;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.plan.Occurrence;
import dev.gameday.plan.Occurrences;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanInvitation;
import dev.gameday.plan.PlanLoader;
import dev.gameday.report.run.RunReports;
import dev.gameday.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gameday plan ics PLAN}: an iCalendar invitation for the plan's next start that runs. */
@Command(
        name = "ics",
        header = "Write an iCalendar invitation for the plan's next start.",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an invitation (METHOD:REQUEST) for the next start that runs (blackouts and freezes",
            "applied): the plan's window in its time zone, each participant with their role, the",
            "experiments, and the pre-mortem (a URL is linked, a file next to the plan attached).",
        },
        footer = {"", "Examples:", "  gameday plan ics experiments/plans/storefront-game-day.yaml --out game-day.ics", "",
            "Exit codes: 0 written, 3 the plan is invalid, has no `when` or no start that runs."})
final class PlanIcsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: <plan>.ics in the current folder).")
    Path out;

    @Option(names = "--from", paramLabel = "DATE-TIME",
            description = "The first start after this wall-clock time in the plan's zone (default: now).")
    String from;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plan plan = PlanLoader.load(file, Map.of(), System.getenv(), LoadOptions.DEFAULTS.withSecrets(SecretPolicy.OPTIONAL))
                .plan();
        if (plan.when() == null) {
            throw new UserInputException(file + ": the plan has no `when`: there is no date to invite to");
        }
        ZonedDateTime after;
        try {
            after = from == null ? ZonedDateTime.now(plan.when().zone()) : plan.when().resolve(LocalDateTime.parse(from.strip()));
        } catch (DateTimeParseException e) {
            throw new UserInputException("--from: '" + from + "' is not a date-time such as 2026-12-01T00:00");
        }
        Occurrence next = new Occurrences(plan).upcoming(after, 1).stream().filter(Occurrence::runs).findFirst()
                .orElseThrow(() -> new UserInputException(file + ": no start after " + after.toOffsetDateTime()
                        + " runs (see gameday plan next)"));
        Path target = out == null ? Path.of(plan.slug() + ".ics") : out;
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        RunReports.writeAtomically(target, PlanInvitation.render(plan, next, Instant.now()));
        spec.commandLine().getOut().println("Invitation for " + next.start().toOffsetDateTime() + " ("
                + next.start().getZone().getId() + "): " + TerminalText.safe(target.toString()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
