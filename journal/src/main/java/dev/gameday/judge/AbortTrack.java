package dev.gameday.judge;

/**
 * One abort condition being watched: a window of its {@code for} length over its probe's samples due
 * from the start of the method until the after phase. It trips once, at the first full window where
 * the condition holds.
 */
final class AbortTrack {
    private final AbortRule rule;
    private final long intervalMs;
    private SampleWindow window;
    private long fromT = Long.MAX_VALUE;
    private long untilT = Long.MAX_VALUE;
    private boolean tripped;
    private double observed = Double.NaN;

    AbortTrack(AbortRule rule, ProbeRule probe) {
        this.rule = rule;
        this.intervalMs = probe == null ? 1 : probe.intervalMs();
    }

    AbortRule rule() {
        return rule;
    }

    void watchFrom(long t) {
        fromT = t;
        untilT = Long.MAX_VALUE;
        window = new SampleWindow(rule.sustainedMs());
    }

    void stopAt(long t) {
        if (window != null) {
            untilT = Math.min(untilT, t);
        }
    }

    /** Feeds a sample of the condition's probe; true when it makes the condition trip. */
    boolean offer(long t, boolean ok, double ms, double value) {
        if (tripped || window == null || t < fromT || t >= untilT) {
            return false;
        }
        window.add(t, ok, ms, value);
        if (window.startT() < fromT - intervalMs) {
            return false; // not yet a whole window of watching
        }
        double measured = rule.condition().measure(window);
        if (rule.condition().holds(measured)) {
            tripped = true;
            observed = measured;
        }
        return tripped;
    }

    /** Where the condition stands now (its value over its current window), for a live view. */
    AbortNow now() {
        double value = window == null || window.count() == 0 ? Double.NaN : rule.condition().measure(window);
        return new AbortNow(rule, tripped ? observed : value, window != null && untilT == Long.MAX_VALUE, tripped);
    }

    /** The condition's value over the window that tripped it. */
    double observed() {
        return observed;
    }
}
