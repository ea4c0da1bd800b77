package dev.gameday.cli;

import dev.gameday.experiment.load.LoadOptions;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.plan.Occurrence;
import dev.gameday.plan.Occurrences;
import dev.gameday.plan.Plan;
import dev.gameday.plan.PlanLoader;
import dev.gameday.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gameday plan next PLAN}: the next starts, blackouts and freezes applied, and why any is skipped. */
@Command(
        name = "next",
        header = "List a plan's next starts, with blackouts and freezes applied.",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the next N starts of the plan's `when` (in its time zone, and in UTC) that run, and",
            "every start skipped on the way with the blackout or freeze that skipped it.",
            "Daylight saving: see docs/plan-format.md (a start in the spring-forward gap runs after",
            "it; a start in the doubled autumn hour runs once, at the first).",
        },
        footer = {"", "Examples:", "  gameday plan next experiments/plans/storefront-game-day.yaml --count 10",
            "  gameday plan next plan.yaml --from 2026-12-01T00:00", "",
            "Exit codes: 0 listed, 3 the plan is invalid or has no `when`."})
final class PlanNextCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan (YAML).")
    Path file;

    @Option(names = {"-n", "--count"}, defaultValue = "5", description = "How many starts that run (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--from", paramLabel = "DATE-TIME",
            description = "List starts after this wall-clock time in the plan's zone (default: now).")
    String from;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = PlanLoader.load(file, Map.of(), System.getenv(), LoadOptions.DEFAULTS.withSecrets(SecretPolicy.OPTIONAL))
                .plan();
        if (plan.when() == null) {
            throw new UserInputException(file + ": the plan has no `when`: it runs only by hand (gameday plan run)");
        }
        if (count < 1) {
            throw new UserInputException("--count must be at least 1");
        }
        ZonedDateTime after = after(plan);
        List<Occurrence> list = new Occurrences(plan).upcoming(after, count);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Next starts of " + TerminalText.safe(plan.title()) + " (" + plan.when().zone().getId() + ", window "
                + dev.gameday.experiment.Durations.format(plan.when().window()) + "):");
        for (Occurrence o : list) {
            out.printf("  %-8s %s  (%s UTC)%s%n", o.runs() ? "runs" : "skipped", o.start().toOffsetDateTime(),
                    o.start().toInstant(), o.runs() ? "" : "  " + TerminalText.safe(o.skipped()));
        }
        if (list.stream().filter(Occurrence::runs).count() < count) {
            out.println("  (no further start runs: the schedule ends, or blackouts and freezes cover every start looked at)");
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private ZonedDateTime after(Plan plan) {
        if (from == null) {
            return ZonedDateTime.now(plan.when().zone());
        }
        try {
            return plan.when().resolve(LocalDateTime.parse(from.strip()));
        } catch (DateTimeParseException e) {
            throw new UserInputException("--from: '" + from + "' is not a date-time such as 2026-12-01T00:00");
        }
    }
}
