package dev.gameday.report;

import dev.gameday.report.premortem.PreflightCheck;
import dev.gameday.report.premortem.PremortemInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PremortemReportTest {
    private static final String SHA = "4f2a9c0d1e7b3a5c6d8e9f00112233445566778899aabbccddeeff0011223344";
    private static final Instant DATE = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Document render(ObjectNode experiment, List<PreflightCheck> checks) throws Exception {
        List<Path> written = Reports.writePremortem(
                new PremortemInput(experiment, "experiments/storefront.yaml", SHA, DATE, checks), dir);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("premortem.md", "premortem.html");
        return Jsoup.parse(dir.resolve("premortem.html").toFile());
    }

    @Test
    void reviewDocumentHasTheCardTimelineBlastRadiusRisksAndChecklist() throws Exception {
        Document html = render(JournalFixture.storefront("Storefront survives a slow inventory service"), null);
        assertThat(html.select("h2").eachText()).containsExactly("Hypothesis card", "Planned timeline", "Blast radius",
                "What could go wrong", "Abort conditions and rollback plan", "Pre-flight", "Open questions");
        assertThat(html.selectFirst(".note.neutral").text()).isEqualTo("We believe that when 400 ms latency ±50 ms hits "
                + "inventory (127.0.0.1:8081), product-page success ratio >= 99% and p95 <= 800 ms holds, because the "
                + "storefront gives up on inventory after 250 ms and shows cached stock.");
        assertThat(html.select("dl.facts dd").eachText()).contains("alice@example.com (team storefront)", "2026-11-23",
                "https://runbooks.example.com/storefront");
        assertThat(html.select("a[href=https://grafana.example.com/d/storefront]")).isNotEmpty();
        assertThat(html.select("table").get(0).text()).contains("Alice Incident commander decides, and can stop");
        assertThat(html.select("figure svg rect")).isNotEmpty();
        // before 3 s + slow-inventory 6 s + settle 1 s + recovery bound 5 s + after 3 s.
        assertThat(html.text()).contains("Total duration: 18 s at most (method 7 s;")
                .contains("it would use 18 s of a 43.2 min monthly budget, 0.7%")
                .contains("Stop when product-page success ratio stays below 50% for 2 s (storefront-collapsing).")
                .contains("Alice can stop the experiment at any moment");
        assertThat(html.select("h3").eachText()).contains("The team's risks", "Derived from latency faults");
        assertThat(html.text()).contains("Retry storms multiply load").contains("Queues build up");
        assertThat(html.select("ul.checklist li").eachText()).contains("Backups taken and restores verified",
                "On-call for inventory informed");
        assertThat(html.select("section#open-questions li").eachText())
                .containsExactly("Does the cache hold every product we probe?");
        assertThat(html.selectFirst(".banner-title").text()).isEqualTo("Pre-mortem");
        assertThat(Files.readString(dir.resolve("premortem.md"))).contains("- [ ] Backups taken and restores verified")
                .contains("## Planned timeline");
    }

    @Test
    void parallelStepsStartTogetherAndTheBlockEndsWithTheLongest() throws Exception {
        ObjectNode e = JournalFixture.storefront("Two faults at once");
        e.set("method", JournalFixture.JSON.readTree("""
                [{"name":"warm-up","fault":null,"pause":2000,"parallel":null},
                 {"name":"both","fault":null,"pause":null,"parallel":[
                   {"name":"slow","fault":{"proxy":"inventory","toxic":"latency","stream":"downstream","toxicity":1.0,
                     "attributes":{"latency":400},"duration":3000,"ramp":{"attribute":"latency","from":100,"to":400,
                     "over":2000,"every":500},"words":"400 ms latency",
                     "risks":[{"risk":"Client timeouts fire in callers","watch":"timeout errors in callers; p99 against each client's timeout"},{"risk":"Retry storms multiply load on the slow dependency","watch":"request rate to the dependency; retries per request"}]},"pause":null,"parallel":null},
                   {"name":"cut","fault":{"proxy":"inventory","toxic":"down","stream":"downstream","toxicity":1.0,
                     "attributes":{},"duration":5000,"ramp":null,"words":"an outage (proxy disabled)",
                     "risks":[{"risk":"Failover does not happen, or flaps","watch":"failover events; traffic on replicas"},{"risk":"Circuit breakers do not open (or never close again)","watch":"breaker state; rejected calls"}]},"pause":null,"parallel":null}]}]
                """));
        Document html = render(e, null);
        var rows = html.selectFirst("section#planned-timeline table").select("tbody tr").stream()
                .map(tr -> tr.select("td").eachText()).toList();
        assertThat(rows).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).containsExactly(
                "before +0:00.0 3 s", "warm-up +0:03.0 2 s", "both +0:05.0 5 s", "↳ slow +0:05.0 3 s",
                "↳ cut +0:05.0 5 s", "recovery +0:10.0 5 s", "after +0:15.0 3 s");
        assertThat(html.text()).contains("latency ramping 100 → 400 over 2 s")
                .contains("Derived from the outage (down) faults").contains("Circuit breakers do not open");
    }

    @Test
    void aRedPreflightSaysDoNotStart() throws Exception {
        Document html = render(JournalFixture.storefront("Storefront"), List.of(
                new PreflightCheck("Toxiproxy", true, "embedded: will be started in-process"),
                new PreflightCheck("upstream of inventory (127.0.0.1:8081)", false, "connection refused")));
        assertThat(html.selectFirst(".banner.bad .banner-title").text()).isEqualTo("Do not start");
        assertThat(html.selectFirst("section#pre-flight table").text()).contains("FAIL").contains("connection refused");
        Document green = render(JournalFixture.storefront("Storefront"),
                List.of(new PreflightCheck("Toxiproxy", true, "embedded")));
        assertThat(green.selectFirst(".banner.ok .banner-title").text()).isEqualTo("Go");
    }

    @Test
    void linksWithOtherSchemesAreNotLinks() throws Exception {
        ObjectNode e = JournalFixture.storefront("<b>bold</b>");
        ((ObjectNode) e.path("premortem")).put("runbook", "javascript:alert(1)");
        Document html = render(e, null);
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        assertThat(html.select("b")).isEmpty();
        assertThat(html.text()).contains("javascript:alert(1)");
    }
}
