package dev.gameday.report.run.section;

import dev.gameday.report.doc.Document;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import java.time.Instant;
import java.util.List;

/** The game-day report: what was expected, what was observed, what to do about it — its sections in order. */
public final class RunReport {
    static final List<Section> SECTIONS = List.of(
            new VerdictBanner(),
            new SummarySection(),
            new ExpectedVsObservedSection(),
            new DetectionSection(),
            new ChartsSection(),
            new TimelineSection(),
            new FollowUpSection(),
            new TabletopNotesSection());

    private RunReport() {}

    public static Document build(RunAnalysis run) {
        RunOutline outline = run.outline();
        Document doc = new Document("Game day: " + outline.experiment().title(), "Report of run "
                + outline.runStarted().path("runId").asText("(unknown run)") + ", "
                + Instant.ofEpochMilli(outline.startT()) + " (UTC)");
        for (Section section : SECTIONS) {
            section.append(doc, run);
        }
        return doc;
    }
}
