package dev.gameday.report;

import dev.gameday.report.run.ReportFormat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class RunReportTest {
    private static final String TITLE = "Storefront survives a slow inventory service";

    @TempDir
    Path dir;

    @Test
    void heldRunReportHasEverySectionAndPassingChecks() throws Exception {
        Path journal = StorefrontRun.write(dir, TITLE, true, true);
        List<Path> written = Reports.writeRunReports(journal, dir);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.md", "junit.xml");

        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.title()).isEqualTo("Game day: " + TITLE);
        assertThat(html.select("h2").eachText()).contains("Summary", "Expected vs observed",
                "Detection, recovery and error budget", "Charts", "Timeline", "Follow-up (blameless)");
        assertThat(html.selectFirst(".banner.ok .banner-title").text()).isEqualTo("Hypothesis held");
        assertThat(html.select("figure svg")).hasSize(1);
        assertThat(html.select("figure svg path")).isNotEmpty();
        Element table = expectedVsObserved(html);
        // 2 bounds (success ratio, p95) × 5 stretches (before, during, during slow-inventory, recovery, after).
        assertThat(table.select("tbody tr")).hasSize(10);
        assertThat(row(table, "success ratio", "before")).containsSequence("100%", "30", "PASS");
        assertThat(row(table, "p95", "during slow-inventory")).containsSequence("434 ms", "60", "PASS");
        assertThat(row(table, "p95", "recovery")).contains("INFO");
        assertThat(html.select("p").eachText()).anyMatch(t -> t.startsWith("Error budget: this run used 0 ms of a "
                + "43.2 min monthly budget, 0%"));
        assertThat(html.text()).doesNotContain("Tabletop notes").doesNotContain("Partial journal");

        JunitCounts junit = junit(dir.resolve("junit.xml"));
        // 10 bounds × stretches, recovery, the fault's path (not recorded in this journal: skipped).
        assertThat(junit).isEqualTo(new JunitCounts(12, 0, 0, 3));
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Game day: " + TITLE)
                .contains("> **Hypothesis held**").contains("| product-page | p95 | `<= 800 ms` | before |");
    }

    @Test
    void refutedRunCarriesTheEvidenceAndCandidateFindings() throws Exception {
        Path journal = StorefrontRun.write(dir, TITLE, false, true);
        Reports.writeRunReports(journal, dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.selectFirst(".banner.bad .banner-title").text()).isEqualTo("Hypothesis refuted");
        assertThat(html.selectFirst(".banner-text").text()).contains("product-page p95 rose to 1.2 s")
                .contains("2 of 6 tolerance checks failed");
        Element table = expectedVsObserved(html);
        // The worst 2 s window of the step holds the 6 failures among its 20 samples: 70%, p95 at the 2 s timeout.
        assertThat(row(table, "success ratio", "during slow-inventory")).containsSequence("70%", "60", "FAIL");
        assertThat(row(table, "p95", "during slow-inventory")).containsSequence("2 s", "60", "FAIL");
        assertThat(row(table, "success ratio", "during")).containsSequence("70%", "70", "FAIL");
        assertThat(row(table, "p95", "after")).contains("PASS");
        assertThat(html.select("li").eachText()).contains("product-page p95 rose to 2 s during step slow-inventory, "
                + "above <= 800 ms (the first window outside it ended 1.9 s into the phase)")
                .noneMatch(l -> l.contains("during the method"));
        // The first sample of the step was already slower than 800 ms: known when it came back, 1.2 s in.
        assertThat(html.select("td").eachText()).contains("1.2 s", "product-page, sent 0 ms after the injection");
        assertThat(html.text()).contains("The steady state recovered 1.5 s after the last fault was removed (bound: 5 s, met).");
        // 6 of 140 samples failed over the 14.25 s run: 0.61 s of a 43.2 min budget.
        assertThat(html.text()).contains("611 ms of a 43.2 min monthly budget, < 0.1%");

        JunitCounts junit = junit(dir.resolve("junit.xml"));
        assertThat(junit).isEqualTo(new JunitCounts(12, 4, 0, 3));
        String xml = Files.readString(dir.resolve("junit.xml"));
        assertThat(xml).contains("message=\"success ratio was 70% (worst of 51 windows over 60 samples), expected &gt;= 99%\"");
    }

    @Test
    void truncatedJournalStillRendersAndSaysWhatIsMissing() throws Exception {
        Path journal = StorefrontRun.write(dir, TITLE, true, false);
        Reports.writeRunReports(dir, dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.selectFirst(".banner-title").text()).isEqualTo("Run interrupted");
        assertThat(html.selectFirst(".note.warn").text()).contains("Partial journal")
                .contains("the last line of the journal is cut off").contains("no run.ended event")
                .contains("phases never reached: recovery, after");
        assertThat(row(expectedVsObserved(html), "p95", "during slow-inventory")).containsSequence("434 ms", "20", "PASS");
        assertThat(row(expectedVsObserved(html), "p95", "after")).contains("NO DATA");
        assertThat(junit(dir.resolve("junit.xml"))).isEqualTo(new JunitCounts(13, 0, 1, 6));
        assertThat(journal).exists();
    }

    @Test
    void experimentTextIsEscapedEverywhere() throws Exception {
        String evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)> [link](javascript:alert(2))";
        Path journal = StorefrontRun.write(dir, evil, false, true);
        Reports.writeRunReports(journal, dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(html.title()).isEqualTo("Game day: " + evil);
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;")
                .contains("\\[link\\](javascript");
        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("***").doesNotContain("Bearer");
        junit(dir.resolve("junit.xml"));
    }

    @Test
    void tabletopNotesBesideTheJournalGetTheirSection() throws Exception {
        Path journal = StorefrontRun.write(dir, TITLE, true, true);
        Files.writeString(dir.resolve("notes.jsonl"), """
                {"t":%d,"stop":"step slow-inventory start","note":"Nobody would see this alert before the pager."}
                {"t":%d,"stop":"phase recovery","note":"Check the cache hit ratio <first>."}
                {"t":1,"stop":"cut off
                """.formatted(StorefrontRun.T0 + 3100, StorefrontRun.T0 + 10_100));
        Reports.writeRunReports(journal, dir.resolve("out"), EnumSet.of(ReportFormat.HTML));
        assertThat(dir.resolve("out")).isDirectoryContaining(p -> p.getFileName().toString().equals("report.html"));
        assertThat(Files.list(dir.resolve("out"))).hasSize(1);
        Document html = Jsoup.parse(dir.resolve("out/report.html").toFile());
        assertThat(html.select("h2").eachText()).contains("Tabletop notes");
        Element notes = html.selectFirst("section#tabletop-notes table");
        assertThat(notes.select("tbody tr")).hasSize(2);
        assertThat(notes.text()).contains("+0:03.1").contains("Check the cache hit ratio <first>.");
    }

    @Test
    void abortedRunMarksTheAbortOnTheChartsAndInTheFindings() throws Exception {
        long t0 = StorefrontRun.T0;
        try (JournalFixture j = new JournalFixture(dir.resolve("journal.jsonl"))) {
            j.runStarted(t0, JournalFixture.storefront(TITLE));
            j.phase(t0 + 100, "before");
            for (int i = 0; i < 10; i++) {
                j.sample(t0 + 100 + i * 100L, StorefrontRun.PROBE, true, 15);
            }
            j.phase(t0 + 1100, "method");
            j.step(t0 + 1100, "step.started", "slow-inventory", "fault");
            j.faultInjected(t0 + 1100, "slow-inventory", "inventory", 400);
            for (int i = 0; i < 30; i++) {
                j.sample(t0 + 1100 + i * 100L, StorefrontRun.PROBE, false, 2000);
            }
            j.write(j.event("abort", t0 + 4100).put("condition", "storefront-collapsing").put("probe", "product-page")
                    .put("observed", 0.0).put("expected", "successRatio < 50% for 2 s")
                    .put("message", "product-page success ratio 0% for 2 s"));
            j.faultRemoved(t0 + 4150, "slow-inventory", "inventory", "abort");
            j.step(t0 + 4150, "step.ended", "slow-inventory", null);
            j.phase(t0 + 4200, "rollback");
            j.write(j.event("rollback", t0 + 4300).put("name", "flush-cache").put("ok", false).put("error", "HTTP 500"));
            j.write(j.event("run.ended", t0 + 4400).put("exitCode", 2).put("verdict", "aborted"));
        }
        Reports.writeRunReports(dir, dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.selectFirst(".banner.bad .banner-title").text()).isEqualTo("Run aborted");
        assertThat(html.selectFirst(".banner-text").text()).startsWith(
                "The run was stopped by an abort condition (storefront-collapsing: product-page success ratio 0% for 2 s)");
        assertThat(html.select("figure svg text").eachText()).contains("abort: storefront-collapsing", "slow-inventory");
        assertThat(html.select("li").eachText()).contains(
                "abort condition storefront-collapsing tripped at +0:04.1: product-page success ratio 0% for 2 s",
                "rollback failed: flush-cache: HTTP 500");
        assertThat(row(expectedVsObserved(html), "success ratio", "during slow-inventory")).contains("0%", "30", "FAIL");
        assertThat(html.text()).contains("The run ended before the recovery phase");
        assertThat(junit(dir.resolve("junit.xml"))).isEqualTo(new JunitCounts(14, 5, 1, 6));
    }

    @Test
    void anEmptyOrUnreadableJournalStillGivesAReportThatSaysSo() throws Exception {
        Files.writeString(dir.resolve("journal.jsonl"), "not json\n{\"type\":\"sample\",\"t\":5,\"seq\":0,\"probe\":\"p\",\"ok\":true,\"ms\":1}\n");
        Reports.writeRunReports(dir, dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.selectFirst(".banner-title").text()).isEqualTo("Run interrupted");
        assertThat(html.selectFirst(".note.warn").text()).contains("no run.started event")
                .contains("1 damaged line was skipped (listed below)");
        assertThat(html.select("li").eachText()).contains("line 1: not JSON; skipped");
        junit(dir.resolve("junit.xml"));
        Files.writeString(dir.resolve("journal.jsonl"), "");
        Reports.writeRunReports(dir, dir);
        assertThat(Jsoup.parse(dir.resolve("report.html").toFile()).selectFirst(".banner-title").text())
                .isEqualTo("Run interrupted");
        junit(dir.resolve("junit.xml"));
    }

    private static Element expectedVsObserved(Document html) {
        return html.selectFirst("section#expected-vs-observed table");
    }

    /** The cells of the row for one tolerance and phase. */
    private static List<String> row(Element table, String tolerance, String phase) {
        return table.select("tbody tr").stream().map(tr -> tr.select("td").eachText())
                .filter(cells -> cells.get(1).equals(tolerance) && cells.get(3).equals(phase)).findFirst().orElseThrow();
    }

    record JunitCounts(int tests, int failures, int errors, int skipped) {}

    /** Validates against the common JUnit schema and returns the suite's counts. */
    static JunitCounts junit(Path xml) throws IOException, SAXException, Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(RunReportTest.class.getResourceAsStream("/junit.xsd"))).newValidator()
                .validate(new StreamSource(xml.toFile()));
        org.w3c.dom.Element suite = (org.w3c.dom.Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(xml.toFile()).getElementsByTagName("testsuite").item(0);
        int cases = suite.getElementsByTagName("testcase").getLength();
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases);
        return new JunitCounts(cases, Integer.parseInt(suite.getAttribute("failures")),
                Integer.parseInt(suite.getAttribute("errors")), Integer.parseInt(suite.getAttribute("skipped")));
    }
}
