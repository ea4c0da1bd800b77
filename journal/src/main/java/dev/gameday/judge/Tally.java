package dev.gameday.judge;

/**
 * One bound over the windows of one stretch of a run: how many windows were judged, how many missed
 * the bound, the worst value seen and where the first miss ended. Mutable; owned by the {@link Judge}.
 */
final class Tally {
    final Bound bound;
    int windows;
    int failing;
    double worst = Double.NaN;
    Long firstFailingT;

    Tally(Bound bound) {
        this.bound = bound;
    }

    void add(double value, boolean holds, long windowEndT) {
        windows++;
        worst = bound.worse(worst, value);
        if (!holds) {
            failing++;
            if (firstFailingT == null) {
                firstFailingT = windowEndT;
            }
        }
    }

    Tally copy() {
        Tally t = new Tally(bound);
        t.windows = windows;
        t.failing = failing;
        t.worst = worst;
        t.firstFailingT = firstFailingT;
        return t;
    }
}
