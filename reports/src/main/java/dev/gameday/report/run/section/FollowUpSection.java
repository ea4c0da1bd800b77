package dev.gameday.report.run.section;

import dev.gameday.journal.Evidence;
import dev.gameday.journal.Evidence.Status;
import dev.gameday.judge.Sentences;
import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.run.analysis.EvidenceText;
import dev.gameday.report.run.analysis.FaultWindow;
import dev.gameday.report.run.analysis.Faults;
import dev.gameday.report.run.analysis.Incidents;
import dev.gameday.report.run.analysis.Incidents.Abort;
import dev.gameday.report.run.analysis.RunAnalysis;
import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/** Follow-up (blameless): a review for the team to complete, seeded with what the journal supports. */
final class FollowUpSection implements Section {
    @Override
    public void append(Document doc, RunAnalysis run) {
        doc.heading(1, "Follow-up (blameless)");
        doc.paragraph("For the team to complete together. Describe what the system and the situation did, not who "
                + "erred; ask what led people to their decisions.");
        doc.heading(2, "Summary");
        doc.paragraph(VerdictText.sentence(run) + " Fill in: why we ran it, and the one thing everyone should remember.");
        doc.heading(2, "Who and what was affected?");
        List<String> affected = new ArrayList<>();
        run.probes().byName().forEach((name, data) -> affected.add(name + ": " + data.overall().failures() + " of "
                + data.overall().count() + " samples failed (" + Units.percent(1 - data.overall().successRatio())
                + "), p99 " + Units.latency(data.overall().percentileMs(99))));
        run.faults().windows().stream().map(f -> "dependency behind proxy " + f.proxy() + ": " + f.description())
                .distinct().forEach(affected::add);
        affected.add("Users, customers, other teams: (fill in)");
        doc.bullets(affected);
        doc.heading(2, "What happened?");
        doc.paragraph("See the timeline above. Key moments: " + keyMoments(run));
        doc.heading(2, "What did we learn?");
        List<String> findings = findings(run);
        if (findings.isEmpty()) {
            findings.add("No candidate finding from the journal: every tolerance held and nothing failed.");
        }
        findings.add("(fill in)");
        doc.bullets(findings);
        doc.heading(2, "Action items");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (String finding : findings(run)) {
            rows.add(List.of(Inline.plain("Investigate: " + finding), Inline.plain(""), Inline.plain(""), Inline.plain("")));
        }
        for (int i = 0; i < 3; i++) {
            rows.add(List.of(Inline.plain(""), Inline.plain(""), Inline.plain(""), Inline.plain("")));
        }
        doc.add(new Block.Table(List.of("Action", "Owner", "Due", "Ticket"), rows));
    }

    private static String keyMoments(RunAnalysis run) {
        long startT = run.outline().startT();
        List<String> moments = new ArrayList<>();
        for (FaultWindow f : run.faults().windows()) {
            moments.add(f.step() + " injected at " + Units.offset(f.injectedT() - startT)
                    + (f.removedT() == null ? "" : ", removed at " + Units.offset(f.removedT() - startT)));
        }
        for (Abort a : run.incidents().aborts()) {
            moments.add("abort " + a.condition() + " at " + Units.offset(a.t() - startT));
        }
        moments.add("verdict " + run.judgement().verdict());
        return String.join("; ", moments) + ".";
    }

    /** Candidate findings the journal supports, phrased for the team to confirm or strike out. */
    private static List<String> findings(RunAnalysis run) {
        List<String> findings = new ArrayList<>();
        List<Evidence> evidence = run.judgement().evidence();
        for (Evidence e : evidence) {
            boolean saidByAStep = e.step() == null && e.phase().equals("during") && evidence.stream()
                    .anyMatch(x -> x.step() != null && x.status() == Status.FAIL && x.probe().equals(e.probe())
                            && x.tolerance().equals(e.tolerance()));
            if (e.status() == Status.FAIL && !saidByAStep) {
                findings.add(Sentences.observation(e) + " (the first window outside it ended "
                        + EvidenceText.firstFailingOffset(e, run.outline()) + ")");
            }
        }
        Faults faults = run.faults();
        for (FaultWindow f : faults.windows()) {
            if (f.path() != null && Boolean.FALSE.equals(f.path().carried())) {
                findings.add("proxy " + f.proxy() + " carried no traffic " + f.path().basis() + " of " + f.step()
                        + ": the system under test does not use it, so this fault tested nothing");
            }
        }
        for (FaultWindow f : faults.windows()) {
            if (!f.detection().detected()) {
                findings.add("no tolerance noticed " + f.step() + " (" + f.description()
                        + "): absorbed, or do the probes not exercise " + f.proxy() + "?");
            }
        }
        Long within = run.outline().experiment().recoveryWithinMs();
        if (faults.recoveryReached() && !faults.windows().isEmpty() && (faults.timeToRecoverMs() == null
                || within != null && faults.timeToRecoverMs() > within)) {
            findings.add("the steady state did not recover within " + (within == null ? "the run" : Units.duration(within))
                    + " of fault removal");
        }
        Incidents incidents = run.incidents();
        long startT = run.outline().startT();
        incidents.aborts().forEach(a -> findings.add("abort condition " + a.condition() + " tripped at "
                + Units.offset(a.t() - startT) + ": " + a.message()));
        incidents.errors().forEach(e -> findings.add("runtime error: " + e));
        incidents.failedRollbacks().forEach(r -> findings.add("rollback failed: " + r));
        return findings;
    }
}
