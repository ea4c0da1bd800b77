package dev.gameday.plan;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A cron expression (cron-utils) in Unix ({@code m h dom mon dow}) or Quartz ({@code s m h dom mon dow [y]})
 * syntax. It yields wall-clock times: the expression is evaluated on a clock without daylight saving
 * and {@link When#resolve} places each time in the plan's zone, so every wall-clock match happens
 * exactly once whatever the clocks do.
 */
public record CronSchedule(String expression, Syntax syntax) {
    public enum Syntax { UNIX, QUARTZ }

    /** Parses {@code expression}; an {@link IllegalArgumentException} says what is wrong with it. */
    public static CronSchedule parse(String expression, Syntax syntax) {
        CronSchedule schedule = new CronSchedule(expression.strip(), syntax);
        schedule.executionTime();
        return schedule;
    }

    /** The first wall-clock time strictly after {@code after} that matches, if any. */
    public Optional<LocalDateTime> next(LocalDateTime after) {
        return executionTime().nextExecution(after.atZone(ZoneOffset.UTC)).map(t -> t.toLocalDateTime());
    }

    private ExecutionTime executionTime() {
        CronType type = syntax == Syntax.UNIX ? CronType.UNIX : CronType.QUARTZ;
        Cron cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type)).parse(expression);
        return ExecutionTime.forCron(cron.validate());
    }
}
