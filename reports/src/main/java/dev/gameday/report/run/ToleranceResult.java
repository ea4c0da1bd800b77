package dev.gameday.report.run;

import dev.gameday.report.experiment.ToleranceSpec;

/** One tolerance judged over one segment, with the evidence a reader needs to trust the result. */
record ToleranceResult(
        ToleranceSpec spec, Segment segment, Status status, double observed, long samples, long failures,
        String evidence, Breach firstBreach) {

    enum Status { PASS, FAIL, NO_DATA, NOT_CHECKED }

    /** A {@code tolerance} event saying the bound stopped holding. */
    record Breach(long t, String observed) {}
}
