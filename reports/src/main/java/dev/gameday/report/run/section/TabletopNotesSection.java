package dev.gameday.report.run.section;

import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.TabletopNote;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/** Tabletop notes: what the team wrote during a replay ({@code notes.jsonl}), when there are any. */
final class TabletopNotesSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        if (run.notes().isEmpty()) {
            return;
        }
        doc.heading(1, "Tabletop notes");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (TabletopNote n : run.notes()) {
            rows.add(List.of(Inline.plain(Units.offset(n.t() - run.outline().startT())), Inline.plain(n.stop()),
                    Inline.plain(n.note())));
        }
        doc.add(new Block.Table(List.of("Time", "Stop", "Note"), rows));
    }
}
