package dev.gameday.run;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The phases of a run, in the order they come. Any phase may end early in {@link #ROLLBACK} (an
 * abort, an error, a signal); otherwise each goes to the next. The journal spells them in lower case.
 */
enum Phase {
    PREFLIGHT, BEFORE, METHOD, RECOVERY, AFTER, ROLLBACK, DONE;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phases this one may go to. */
    Set<Phase> next() {
        return switch (this) {
            case PREFLIGHT -> EnumSet.of(BEFORE, ROLLBACK);
            case BEFORE -> EnumSet.of(METHOD, ROLLBACK);
            case METHOD -> EnumSet.of(RECOVERY, ROLLBACK);
            case RECOVERY -> EnumSet.of(AFTER, ROLLBACK);
            case AFTER -> EnumSet.of(ROLLBACK);
            case ROLLBACK -> EnumSet.of(DONE);
            case DONE -> EnumSet.noneOf(Phase.class);
        };
    }

    /** {@code to}, when this phase may go there; a bug in the engine otherwise. */
    Phase then(Phase to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("a run cannot go from " + key() + " to " + to.key());
        }
        return to;
    }
}
