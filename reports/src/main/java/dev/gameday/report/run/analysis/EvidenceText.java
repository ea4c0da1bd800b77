package dev.gameday.report.run.analysis;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.PathChecked;
import dev.gameday.text.Units;

/** How evidence and fault paths read, the same in the report and the JUnit suite. */
public final class EvidenceText {
    private EvidenceText() {}

    /** {@code before}, {@code during} (the whole method), {@code during slow-inventory} (one fault step), … */
    public static String where(Evidence e) {
        return e.step() == null ? e.phase() : "during " + e.step();
    }

    /** Where the first window outside the bound ended: into its phase, or from the run's start. */
    public static String firstFailingOffset(Evidence e, RunOutline run) {
        Long phaseStart = run.phaseStart(e.phase());
        return phaseStart == null ? Units.offset(e.firstFailingT() - run.startT())
                : Units.duration(Math.max(0, e.firstFailingT() - phaseStart)) + " into the phase";
    }

    /** Whether a fault's proxy carried traffic, in words. */
    public static String pathText(PathChecked p) {
        if (p == null) {
            return "not recorded";
        }
        if (p.carried() == null) {
            return p.note() == null ? "not verified" : p.note();
        }
        String carried = (p.connections() == null ? "" : p.connections() + " connections, ")
                + p.upstreamBytes() + " B up, " + p.downstreamBytes() + " B down " + p.basis();
        return p.carried() ? "verified: " + carried : "NO TRAFFIC " + p.basis() + ": the fault tested nothing";
    }
}
