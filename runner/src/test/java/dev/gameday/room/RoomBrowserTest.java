package dev.gameday.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.journal.JournalFile;
import dev.gameday.report.Reports;
import dev.gameday.run.RunEngine;
import dev.gameday.run.RunOptions;
import dev.gameday.run.RunResult;
import dev.gameday.run.RunTestBed;
import dev.gameday.run.Verdict;
import dev.gameday.testing.OwnThread;
import eu.rekawek.toxiproxy.Proxy;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The room in a real browser during a real run: the demo system, a Toxiproxy-compatible server, a run
 * through {@link RunEngine} writing into the runs folder the room serves; the dashboard's live values,
 * a scribe note into the journal and the report, the abort button (checked through the proxy API),
 * the history, and the browser replay of the recorded run with its stops and prompts.
 */
@Order(4) // a long pole of the suite: started among the first, so the others fill in beside it
class RoomBrowserTest {
    static final String TOKEN = "room-token-for-browser-tests";

    @TempDir
    Path tmp;

    RunTestBed bed;
    Vertx vertx;
    RoomServer room;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        bed = new RunTestBed();
        vertx = Vertx.vertx();
        Files.createDirectories(runs());
        room = RoomServer.start(vertx, new RoomOptions(runs(), "127.0.0.1", 0, TOKEN, false), List.of()).await();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (room != null) {
            room.close();
            vertx.close().await();
        }
        if (bed != null) {
            bed.close();
        }
    }

    Path runs() {
        return tmp.resolve("runs");
    }

    /** Slow inventory for a minute, an abort condition that does not trip, a prompt at the step's start. */
    Path experiment() throws Exception {
        String yaml = RunTestBed.experiment("resilient", "successRatio: \">= 50%\"",
                RunTestBed.latencyStep("slow-inventory", "400ms", "60s"), """
                abort:
                  - name: storefront-very-slow
                    probe: product-page
                    when: "p95 > 5s"
                    for: 1s
                tabletop:
                  - step: slow-inventory
                    prompt: Inventory just became 400 ms slower. Which alert fires first?
                """);
        Path file = tmp.resolve("slow-inventory.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    CompletableFuture<RunResult> startRun(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RunEngine.run(RunOptions.of(file, bed.vars(), Map.of("DEMO_TOKEN", RunTestBed.SECRET), runs(),
                        new PrintStream(PrintStream.nullOutputStream())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, OwnThread.EXECUTOR);
    }

    Path runDir() throws Exception {
        try (Stream<Path> s = Files.list(runs())) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    @Test
    void theRoomFollowsARunLiveTakesNotesAbortsItAndReplaysIt() throws Exception {
        CompletableFuture<RunResult> run = startRun(experiment());
        var driver = browser.driver;
        var wait = browser.waiting(Duration.ofSeconds(40));

        // The history page lists the run as live; its link opens the live page.
        driver.get(room.url() + "/");
        wait.until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("a.live-link")).isEmpty();
        });
        driver.findElement(By.cssSelector("a.live-link")).click();

        // Live values: the method phase, the step, a fault read from the proxy API, samples that keep coming.
        wait.until(ExpectedConditions.textToBe(By.id("phase"), "method"));
        wait.until(ExpectedConditions.textToBe(By.id("step"), "slow-inventory"));
        wait.until(d -> byId("faults").getText().contains("latency"));
        String figures = wait.until(d -> {
            String f = d.findElement(By.cssSelector("[data-probe='product-page'] .figures")).getText();
            return f.contains("samples") ? f : null;
        });
        wait.until(d -> !d.findElement(By.cssSelector("[data-probe='product-page'] .figures")).getText().equals(figures));
        String left = byId("left").getText();
        wait.until(d -> !byId("left").getText().equals(left));
        assertThat(byId("aborts").getText()).contains("storefront-very-slow", "p95 > 5 s", "armed");
        assertThat(byId("traffic").getText()).contains("inventory");

        // A scribe note goes through the run's control file into its journal, and back onto the page.
        byId("you-name").sendKeys("Ana");
        byId("you-role").sendKeys("scribe");
        byId("you-token").sendKeys(TOKEN);
        byId("note-text").sendKeys("p95 of the product page climbs to 450 ms", Keys.ENTER);
        wait.until(d -> byId("notes").getText().contains("Ana (scribe): p95 of the product page climbs to 450 ms"));
        assertThat(byId("people").getText()).contains("(ran the run)", "Ana (scribe)");
        browser.screenshot("room-live");

        // Abort, after the confirmation: every toxic is gone from the proxy at once.
        byId("abort").click();
        wait.until(ExpectedConditions.visibilityOf(byId("abort-confirm")));
        browser.screenshot("room-abort-confirm");
        byId("abort-yes").click();
        wait.until(d -> byId("abort-result").getText().startsWith("Aborted"));
        for (Proxy p : bed.api().getProxies()) {
            assertThat(RunTestBed.toxicsOf(p)).as("toxics on " + p.getName() + " after the abort").isEmpty();
        }
        RunResult result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
        wait.until(ExpectedConditions.textToBe(By.id("verdict"), "aborted"));
        browser.screenshot("room-live-aborted");

        // The journal says who aborted and when, and holds the note; the regenerated report shows both.
        Path dir = runDir();
        JournalFile journal = JournalFile.read(dir.resolve("journal.jsonl"));
        assertThat(journal.first("abort.requested").orElseThrow().path("by").asText()).isEqualTo("Ana");
        assertThat(journal.first("note").orElseThrow().path("author").asText()).isEqualTo("Ana");
        Reports.writeRunReports(dir, dir);
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("Note by Ana (scribe): p95 of the product page climbs to 450 ms")
                .contains("ABORT requested by Ana (room)");
        driver.get(room.url() + "/runs/" + dir.getFileName() + "/report");
        wait.until(d -> d.getPageSource().contains("Note by Ana"));
        browser.screenshot("room-report");

        // History: the run with its verdict and figures, and /metrics counts it.
        driver.get(room.url() + "/?verdict=aborted");
        WebElement row = driver.findElement(By.cssSelector("tr[data-run='" + dir.getFileName() + "']"));
        assertThat(row.getText()).contains("Test experiment", "aborted");
        browser.screenshot("room-history");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(room.url() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("gameday_runs{verdict=\"aborted\"} 1.0", "gameday_room_aborts_total 1.0",
                "gameday_probe_latency_milliseconds_bucket{probe=\"product-page\"", "gameday_faults_injected_total 1.0");

        // Replay: step to the first stop (the step's start, with its prompt), reveal, leave a note.
        driver.get(room.url() + "/runs/" + dir.getFileName() + "/replay");
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        new org.openqa.selenium.support.ui.Select(byId("speed")).selectByValue("30");
        byId("play").click();
        wait.until(ExpectedConditions.visibilityOf(byId("stop")));
        assertThat(byId("events").getText()).as("played up to the first stop's moment")
                .contains("fault injected: latency on inventory").doesNotContain("ABORT");
        assertThat(byId("stop-title").getText()).startsWith("Stop 1").contains("step slow-inventory starts");
        assertThat(byId("stop-prompts").getText()).contains("Which alert fires first?");
        assertThat(byId("happened").isDisplayed()).isFalse();
        byId("reveal").click();
        assertThat(byId("happened").isDisplayed()).isTrue();
        byId("you-token").clear();
        byId("you-token").sendKeys(TOKEN);
        byId("replay-note").sendKeys("the latency alert, after 5 minutes");
        driver.findElement(By.cssSelector("#replay-note-form button")).click();
        wait.until(d -> byId("replay-note-result").getText().equals("saved to notes.jsonl"));
        assertThat(Files.readString(dir.resolve("notes.jsonl"))).contains("the latency alert, after 5 minutes");
        browser.screenshot("room-replay");
        // Step on to the abort's stop: on a starved machine, tolerances breached and held again by slow samples come first.
        for (int stop = 2; stop <= 30 && !byId("stop-title").getText().contains("abort"); stop++) {
            String next = "Stop " + stop + " ";
            byId("step").click();
            wait.until(d -> byId("stop-title").getText().startsWith(next));
        }
        assertThat(byId("stop-title").getText()).contains("abort");
        byId("large").click();
        browser.screenshot("room-replay-facilitator");
    }
}
