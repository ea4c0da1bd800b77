package dev.gameday.report.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import dev.gameday.report.run.analysis.TimelineText;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan's combined report: the plan's verdict (plan.json's: the worst of its runs'), a table of
 * experiments × verdicts with a link to each run's report, and the total error-budget cost (the sum of
 * what each run's own report prices it at). Every verdict shown is a journal's.
 */
final class PlanReport {
    private final JsonNode record;
    private final List<PlannedRun> runs;

    PlanReport(JsonNode record, List<PlannedRun> runs) {
        this.record = record;
        this.runs = runs;
    }

    Document document() {
        Document doc = new Document("Game-day plan: " + record.path("title").asText(), "Plan "
                + record.path("planFile").asText() + ", started " + record.path("started").asText());
        String verdict = record.path("verdict").isTextual() ? record.path("verdict").asText() : null;
        doc.add(new Block.Banner(verdict == null ? Tone.WARN : TimelineText.tone(verdict),
                verdict == null ? "Plan unfinished" : "Plan " + verdict,
                List.of(new Inline.Text(sentence(verdict)))));
        List<Block.Fact> facts = new ArrayList<>();
        fact(facts, "Owner", record.path("owner").asText(null));
        fact(facts, "Team", record.path("team").asText(null));
        fact(facts, "Stop policy", record.path("stop").asText(null));
        fact(facts, "Ended", record.path("ended").asText(null));
        List<String> people = new ArrayList<>();
        record.path("participants").forEach(p -> people.add(p.path("name").asText() + " (" + p.path("role").asText() + ")"));
        fact(facts, "Participants", people.isEmpty() ? null : String.join(", ", people));
        doc.add(new Block.Facts(facts));
        doc.heading(1, "Experiments");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (PlannedRun r : runs) {
            rows.add(List.of(Inline.plain(r.id()), Inline.plain(r.run() == null ? r.experiment() : r.run().title()),
                    Inline.plain(r.varsText()), List.of(badge(r)),
                    Inline.plain(r.run() != null ? r.run().verdictSummary() : r.problem() != null ? r.problem() : r.note()),
                    Inline.plain(r.run() == null ? "–" : r.run().budgetCost()),
                    r.runDir() == null ? Inline.plain("–")
                            : List.of(new Inline.Link("report", r.runDir() + "/report.html"))));
        }
        doc.add(new Block.Table(List.of("Entry", "Experiment", "Vars", "Verdict", "Why", "Error budget", "Report"), rows));
        double total = runs.stream().filter(r -> r.run() != null).mapToDouble(r -> r.run().budgetCostMs()).sum();
        doc.add(new Block.Paragraph(List.of(new Inline.Strong("Total error-budget cost: "), new Inline.Text(
                Units.budgetTime(total) + " of unavailability over " + runs.stream().filter(r -> r.run() != null).count()
                        + " runs (the sum of each run's cost, as its report prices it)."))));
        return doc;
    }

    private String sentence(String verdict) {
        long ran = runs.stream().filter(r -> r.run() != null).count();
        long notRun = runs.stream().filter(r -> r.status().equals("not-run") || r.status().equals("pending")).count();
        StringBuilder s = new StringBuilder();
        s.append(ran).append(" of ").append(runs.size()).append(" experiments ran");
        for (String v : List.of("held", "refuted", "aborted", "inconclusive", "error")) {
            long n = runs.stream().filter(r -> v.equals(r.verdict())).count();
            if (n > 0) {
                s.append(", ").append(n).append(' ').append(v);
            }
        }
        if (notRun > 0) {
            s.append("; ").append(notRun).append(" not run");
        }
        s.append(verdict == null ? ". The plan did not finish: its record has no verdict."
                : ". The plan's verdict is the worst of its experiments': " + verdict.toUpperCase(Locale.ROOT) + ".");
        return s.toString();
    }

    private static Inline badge(PlannedRun r) {
        String v = r.verdict();
        if (v == null) {
            return new Inline.Badge(r.status().equals("pending") ? "PENDING" : "NOT RUN", Tone.NEUTRAL);
        }
        return new Inline.Badge(v.toUpperCase(Locale.ROOT), TimelineText.tone(v));
    }

    private static void fact(List<Block.Fact> facts, String label, String value) {
        if (value != null && !value.isBlank() && !value.equals("null")) {
            facts.add(new Block.Fact(label, Inline.plain(value)));
        }
    }
}
