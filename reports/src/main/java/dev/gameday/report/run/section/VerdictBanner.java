package dev.gameday.report.run.section;

import static dev.gameday.report.doc.Inline.text;

import dev.gameday.journal.JournalSummary;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.report.run.analysis.JournalHealth;
import dev.gameday.report.run.analysis.RunAnalysis;
import java.util.List;

/** What a reader sees first: the verdict, what it cannot vouch for, and what the journal lacks. */
final class VerdictBanner implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        doc.add(new Block.Banner(VerdictText.tone(run.judgement()), VerdictText.title(run.judgement().verdict()),
                List.of(text(VerdictText.sentence(run)))));
        List<String> caveats = run.judgement().caveats();
        if (!caveats.isEmpty()) {
            doc.add(new Block.Note(Tone.WARN, List.of(new Inline.Strong("What this verdict cannot vouch for: "),
                    text(String.join("; ", caveats) + "."))));
        }
        JournalHealth health = run.health();
        JournalSummary journal = health.summary();
        List<String> notReached = run.outline().phasesNotReached();
        if (!health.missing().isEmpty()) {
            doc.add(new Block.Note(Tone.WARN, List.of(new Inline.Strong("Partial journal. "),
                    text("This report shows what the journal holds; what is missing: " + String.join("; ",
                            health.missing()) + "."))));
            if (!journal.problems().isEmpty()) {
                doc.bullets(journal.problems());
            }
        } else if (!notReached.isEmpty()) {
            doc.note(Tone.NEUTRAL, "The run ended before these phases: " + String.join(", ", notReached)
                    + "; their checks show NO DATA.");
        }
        journal.notes().forEach(n -> doc.note(Tone.NEUTRAL, Character.toUpperCase(n.charAt(0)) + n.substring(1) + "."));
    }
}
