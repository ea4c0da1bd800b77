package dev.gameday.report.run.section;

import static dev.gameday.report.doc.Inline.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.experiment.ExperimentView;
import dev.gameday.report.run.analysis.Judgement;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.report.run.analysis.RunOutline;
import dev.gameday.report.run.analysis.TimelineText;
import dev.gameday.text.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Summary: the verdict, what ran where and by whom, and the hypothesis. */
final class SummarySection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        RunOutline outline = run.outline();
        Judgement judgement = run.judgement();
        ExperimentView experiment = outline.experiment();
        doc.heading(1, "Summary");
        JsonNode started = outline.runStarted();
        JsonNode versions = started.path("versions");
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(fact("Verdict", List.of(new Inline.Badge(judgement.verdict().toUpperCase(Locale.ROOT),
                TimelineText.tone(judgement.verdict())))));
        facts.add(fact("Experiment", Inline.plain(experiment.title())));
        facts.add(fact("File", List.of(new Inline.Code(started.path("experimentFile").asText("?")), text(" version "),
                new Inline.Code(Units.shortHash(started.path("experimentSha256").asText("?"))))));
        facts.add(fact("Ran by", Inline.plain(started.path("user").asText("?") + " on " + started.path("host").asText("?"))));
        facts.add(fact("Started", Inline.plain(Instant.ofEpochMilli(outline.startT()) + " (UTC)")));
        facts.add(fact("Duration", Inline.plain(Units.duration(outline.durationMs()))));
        if (experiment.owner() != null) {
            facts.add(fact("Owner", Inline.plain(experiment.owner() + (experiment.team() == null ? ""
                    : " (team " + experiment.team() + ")"))));
        }
        facts.add(fact("Fault injection", Inline.plain("Toxiproxy " + started.path("toxiproxy").path("mode").asText("?")
                + (started.path("toxiproxy").path("url").isTextual() ? " at " + started.path("toxiproxy").path("url").asText() : "")
                + (started.path("dryRun").asBoolean() ? " — dry run, nothing injected" : ""))));
        if (!versions.isMissingNode()) {
            facts.add(fact("Versions", Inline.plain("Gameday " + versions.path("gameday").asText("?") + ", Java "
                    + versions.path("java").asText("?") + ", Vert.x " + versions.path("vertx").asText("?") + ", "
                    + versions.path("os").asText("?"))));
        }
        facts.add(fact("Samples", Inline.plain(judgement.samples() + " probe samples, " + judgement.failedSamples()
                + " failed")));
        doc.add(new Block.Facts(facts));
        if (experiment.hypothesis() != null) {
            doc.add(new Block.Paragraph(List.of(new Inline.Strong("Hypothesis: "), text(experiment.hypothesis()))));
        }
    }

    private static Block.Fact fact(String label, List<Inline> value) {
        return new Block.Fact(label, value);
    }
}
