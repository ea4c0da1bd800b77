package dev.gameday.report.run;

/**
 * A stretch of the run that tolerances are judged over: a phase ({@code before}, {@code recovery},
 * {@code after}) or one fault step (phase {@code during}). Times are epoch ms; {@code toT} exclusive.
 */
record Segment(String key, String label, String phase, long fromT, long toT) {
    boolean contains(long t) {
        return t >= fromT && t < toT;
    }
}
