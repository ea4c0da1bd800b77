package dev.gameday.plan;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The starts of a plan after a given time, with blackouts and freezes applied: an occurrence whose
 * window ([start, start + when.window)) touches one is skipped, and says which. Wall-clock times become
 * instants by {@link When#resolve} (see there for daylight saving): each wall-clock match once, in order.
 */
public final class Occurrences {
    /** How many skipped starts in a row are looked at before giving up (a plan blacked out for good). */
    static final int MAX_SKIPPED = 1000;

    private final Plan plan;

    public Occurrences(Plan plan) {
        if (plan.when() == null) {
            throw new IllegalArgumentException("the plan has no `when`: it only runs by hand (plan run)");
        }
        this.plan = plan;
    }

    /** The first start strictly after {@code after}, runnable or not; empty when there is none. */
    public Optional<Occurrence> next(ZonedDateTime after) {
        When when = plan.when();
        LocalDateTime local = after.withZoneSameInstant(when.zone()).toLocalDateTime();
        if (when.at() != null) {
            ZonedDateTime start = when.resolve(when.at());
            return start.isAfter(after) ? Optional.of(judge(start)) : Optional.empty();
        }
        // A gap can put two wall-clock matches on one instant, or a match before `after`: step on.
        for (int i = 0; i < 4; i++) {
            Optional<LocalDateTime> match = when.cron().next(local);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime start = when.resolve(match.get());
            if (start.isAfter(after)) {
                return Optional.of(judge(start));
            }
            local = match.get();
        }
        return Optional.empty();
    }

    /** The next {@code count} starts that run after {@code after}, and every skipped one before the last. */
    public List<Occurrence> upcoming(ZonedDateTime after, int count) {
        List<Occurrence> out = new ArrayList<>();
        int runs = 0;
        int skippedInARow = 0;
        ZonedDateTime from = after;
        while (runs < count && skippedInARow < MAX_SKIPPED) {
            Optional<Occurrence> o = next(from);
            if (o.isEmpty()) {
                break;
            }
            out.add(o.get());
            if (o.get().runs()) {
                runs++;
                skippedInARow = 0;
            } else {
                skippedInARow++;
            }
            from = o.get().start();
        }
        return out;
    }

    /** The occurrence at {@code start}, skipped when its window touches a blackout or a freeze. */
    public Occurrence judge(ZonedDateTime start) {
        ZonedDateTime end = start.plus(plan.when().window());
        for (Blackout b : plan.blackouts()) {
            if (b.overlaps(start, end)) {
                return new Occurrence(start, end, "blackout: " + b.reason());
            }
        }
        for (Freeze f : plan.freezes()) {
            if (start.toInstant().isBefore(f.end()) && end.toInstant().isAfter(f.start())) {
                return new Occurrence(start, end, "freeze: " + f.summary() + " (" + f.source() + ", "
                        + f.start().atZone(start.getZone()).toLocalDateTime() + " to "
                        + f.end().atZone(start.getZone()).toLocalDateTime() + ")");
            }
        }
        return new Occurrence(start, end, null);
    }
}
