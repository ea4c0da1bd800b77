package dev.gameday.judge;

/**
 * One probe in one judged phase: the sliding window over the phase's samples only (a window never
 * reaches into another phase), the sample counts, and a {@link Tally} per bound.
 */
final class PhaseTrack {
    final String phase;
    final long startT;
    /** Which phase mark of the run this is. */
    final int mark;
    final SampleWindow window;
    final Tally[] tallies;
    long samples;
    long failures;
    /** How many full windows were judged. */
    int fullWindows;

    PhaseTrack(String phase, long startT, int mark, ProbeRule rule) {
        this.phase = phase;
        this.startT = startT;
        this.mark = mark;
        this.window = new SampleWindow(rule.windowMs());
        this.tallies = new Tally[rule.bounds().size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally(rule.bounds().get(i));
        }
    }

    /**
     * A window is full once it reaches back to the phase start: its left edge lies less than one
     * sampling interval before it, so no slot of the phase is missing from it.
     */
    boolean full(ProbeRule rule) {
        return window.count() > 0 && window.startT() >= startT - rule.intervalMs();
    }

    /** True when no window of this phase was full: a phase shorter than one window is judged whole. */
    boolean judgedWhole() {
        return samples > 0 && fullWindows == 0;
    }
}
