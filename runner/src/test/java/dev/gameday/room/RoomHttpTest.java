package dev.gameday.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.cli.GamedayForTests;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The room over plain HTTP: /health, the refusals of requests that change something, the headers. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class RoomHttpTest {
    static final String TOKEN = "room-token-for-tests";
    /** A closed journal of a run that is over: enough for the room to serve its pages. */
    static final String JOURNAL = """
            {"type":"run.started","t":1000,"seq":0,"v":2,"runId":"r1","experiment":{"title":"T <b>x</b>","steadyState":{"probes":[]}},"toxiproxy":{"mode":"embedded","url":"http://127.0.0.1:1"}}
            {"type":"verdict","t":2000,"seq":1,"verdict":"held","summary":"ok"}
            {"type":"run.ended","t":2001,"seq":2,"verdict":"held"}
            """;

    @TempDir
    Path runs;

    final Vertx vertx = Vertx.vertx();
    final HttpClient http = HttpClient.newHttpClient();
    RoomServer room;

    @BeforeEach
    void start() throws Exception {
        Path run = Files.createDirectory(runs.resolve("20261202T000000Z-t"));
        Files.writeString(run.resolve("journal.jsonl"), JOURNAL);
        room = RoomServer.start(vertx, new RoomOptions(runs, "127.0.0.1", 0, TOKEN, false), List.of()).await();
    }

    @AfterEach
    void stop() {
        room.close();
        vertx.close().await();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(room.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(room.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"ana\"}"));
        if (token != null) {
            b.header(RoomOptions.TOKEN_HEADER, token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOkWhileTheRunsFolderCanBeWrittenAndFailsOtherwise() throws Exception {
        HttpResponse<String> ok = get("/health");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"ok\"", "\"name\":\"storage\"");

        Files.writeString(runs.resolve("20261202T000000Z-t/journal.jsonl"), JOURNAL);
        Path moved = runs.resolveSibling(runs.getFileName() + "-gone");
        Files.move(runs, moved);
        try {
            HttpResponse<String> failing = get("/health");
            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(failing.body()).contains("\"status\":\"failing\"", "is not a folder");
        } finally {
            Files.move(moved, runs);
        }
    }

    @Test
    void aHealthCheckAddedBesideStorageDecidesTooWhenItFails() throws Exception {
        try (RoomServer other = RoomServer.start(vertx, new RoomOptions(runs, "127.0.0.1", 0, TOKEN, false),
                List.of(() -> new Health("scheduler", false, "lagging 12 s"))).await()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(other.url() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("scheduler", "lagging 12 s");
        }
    }

    @Test
    void requestsThatChangeSomethingNeedTheTokenAndTheRoomsOwnOrigin() throws Exception {
        String abort = "/runs/20261202T000000Z-t/abort";
        assertThat(post(abort, null, null).statusCode()).isEqualTo(401);
        assertThat(post(abort, "wrong-token-000000", null).statusCode()).isEqualTo(401);
        HttpResponse<String> foreign = post(abort, TOKEN, "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("another site");
        assertThat(post("/runs/20261202T000000Z-t/notes", TOKEN, "http://evil.example").statusCode()).isEqualTo(403);
        // The right token from the room's own page gets through to the run, which is over.
        HttpResponse<String> own = post(abort, TOKEN, room.url());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
        assertThat(own.body()).contains("not in progress");
        assertThat(Files.exists(runs.resolve("20261202T000000Z-t/control.jsonl"))).isFalse();
    }

    @Test
    void historyFiltersByVerdictAndExperimentAndMetricsCountTheRunsByVerdict() throws Exception {
        Path other = Files.createDirectory(runs.resolve("20261202T010000Z-other"));
        Files.writeString(other.resolve("journal.jsonl"), JOURNAL.replace("T <b>x</b>", "Other").replace("held", "refuted"));

        assertThat(get("/").body()).contains("data-run=\"20261202T000000Z-t\"", "data-run=\"20261202T010000Z-other\"");
        String refuted = get("/?verdict=refuted").body();
        assertThat(refuted).contains("data-run=\"20261202T010000Z-other\"").doesNotContain("data-run=\"20261202T000000Z-t\"");
        String byTitle = get("/?experiment=" + java.net.URLEncoder.encode("T <b>x</b>", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(byTitle).contains("data-run=\"20261202T000000Z-t\"").doesNotContain("data-run=\"20261202T010000Z-other\"");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("gameday_runs{verdict=\"held\"} 1.0", "gameday_runs{verdict=\"refuted\"} 1.0");
    }

    @Test
    void theRoomRefusesToStartWithTheAbortButtonAndNoToken() {
        assertThatThrownBy(() -> new RoomOptions(runs, "127.0.0.1", 0, null, false))
                .hasMessageContaining("the abort button needs a token");
        assertThatThrownBy(() -> new RoomOptions(runs, "127.0.0.1", 0, "short", false))
                .hasMessageContaining("too short");
        assertThat(GamedayForTests.exitCode("serve", "--runs", runs.toString(), "--port", "0"))
                .as("gameday serve without a token: invalid configuration").isEqualTo(3);
    }

    @Test
    void aReadOnlyRoomRefusesEveryChange() throws Exception {
        try (RoomServer ro = RoomServer.start(vertx, new RoomOptions(runs, "127.0.0.1", 0, null, true), List.of())
                .await()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ro.url() + "/runs/20261202T000000Z-t/abort"))
                    .header("Content-Type", "application/json").header(RoomOptions.TOKEN_HEADER, TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"ana\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("read-only");
        }
    }

    @Test
    void pagesHaveAStrictPolicyAndEscapeWhatTheJournalSays() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(RoomServer.CSP);
        assertThat(page.body()).contains("T &lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>").doesNotContain("<script>")
                .doesNotContain("style=");
        assertThat(get("/runs/..%2F..%2Fetc").statusCode()).isEqualTo(404);
        assertThat(get("/runs/20261202T000000Z-t/journal").body()).isEqualTo(JOURNAL);
        assertThat(get("/static/live.js").statusCode()).isEqualTo(200);
    }

    /** A plan's runs (plan folder, entry, run folder) are in the room too, with the people the plan names. */
    @Test
    void aPlansRunIsServedWithThePlansPeopleAndTheirRoles() throws Exception {
        Path plan = Files.createDirectories(runs.resolve("20261202T010000Z-plan-game-day"));
        Files.writeString(plan.resolve("plan.json"), """
                {"format":1,"title":"Game day","participants":[{"name":"Ana","role":"incident commander"},
                {"name":"Bo","role":"scribe"}],"entries":[]}
                """);
        Path run = Files.createDirectories(plan.resolve("outage").resolve("20261202T010001Z-t"));
        Files.writeString(run.resolve("journal.jsonl"), JOURNAL);
        String id = "20261202T010000Z-plan-game-day~outage~20261202T010001Z-t";

        assertThat(get("/").body()).contains("/runs/" + id);
        assertThat(get("/runs/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/runs/" + id + "/journal").body()).isEqualTo(JOURNAL);
        assertThat(get("/runs/20261202T010000Z-plan-game-day~outage").statusCode()).isEqualTo(404);
        assertThat(get("/runs/20261202T010000Z-plan-game-day~..~20261202T010001Z-t").statusCode()).isEqualTo(404);

        String firstEvent = http.sendAsync(HttpRequest.newBuilder(URI.create(room.url() + "/runs/" + id + "/events"))
                        .build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> r.body().filter(line -> line.startsWith("data:")).findFirst().orElse(""))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(firstEvent).contains("\"name\":\"Ana\",\"role\":\"incident commander\"")
                .contains("\"name\":\"Bo\",\"role\":\"scribe\"");
    }
}
