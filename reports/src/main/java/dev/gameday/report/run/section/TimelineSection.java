package dev.gameday.report.run.section;

import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.report.run.analysis.EventTimeline;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.TimelineEntry;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/** Timeline: every event of the journal but the samples, relative to the start of the run. */
final class TimelineSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        EventTimeline timeline = run.timeline();
        long startT = run.outline().startT();
        doc.heading(1, "Timeline");
        doc.paragraph("Every event of the journal except probe samples, relative to the start of the run.");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            rows.add(List.of(Inline.plain(Units.offset(e.t() - startT)), List.of(new Inline.Badge(e.type(), e.tone())),
                    Inline.plain(e.text())));
        }
        doc.add(new Block.Table(List.of("Time", "Event", "What happened"), rows));
        if (timeline.omitted() > 0) {
            doc.note(Tone.WARN, timeline.omitted() + " further events are not listed (the table stops at "
                    + timeline.entries().size() + " rows); the journal has them all.");
        }
    }
}
