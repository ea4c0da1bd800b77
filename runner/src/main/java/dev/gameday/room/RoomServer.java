package dev.gameday.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.journal.JournalReader;
import dev.gameday.recover.CrashRecovery;
import dev.gameday.replay.RecordedRun;
import dev.gameday.replay.ReplayScript;
import dev.gameday.report.Reports;
import dev.gameday.rollback.Teardown;
import dev.gameday.run.ControlFile;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gameday serve}: the game-day room (docs/room.md) over one runs folder — the live run page fed
 * by its journal as it is written (server-sent events), the abort button, the scribe log, the history
 * of past runs, the browser replay, {@code /health} and {@code /metrics}. Every file read and every
 * Toxiproxy call runs on a worker thread; the event loop only routes.
 */
public final class RoomServer implements AutoCloseable {
    /** The room's pages load only the room's own files: no inline script or style, nothing from elsewhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** A run report is a static document with its own styles and no script: shown sandboxed. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    private static final String HTML = "text/html; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final RoomOptions options;
    private final RunsFolder folder;
    private final RunHistory history;
    private final RoomMetrics metrics = new RoomMetrics();
    private final Guard guard;
    private final List<HealthCheck> checks = new ArrayList<>();
    private final Map<String, LiveFeed> feeds = new ConcurrentHashMap<>();
    private HttpServer server;

    private RoomServer(Vertx vertx, RoomOptions options, List<HealthCheck> extraChecks) {
        this.vertx = vertx;
        this.options = options;
        this.folder = new RunsFolder(options.runsDir());
        this.history = new RunHistory(folder);
        this.guard = new Guard(options.readOnly() ? null : options.token());
        checks.add(new StorageHealth(folder.dir()));
        checks.addAll(extraChecks);
    }

    /** Starts the room; {@code extraChecks} join the storage check behind {@code /health}. */
    public static Future<RoomServer> start(Vertx vertx, RoomOptions options, List<HealthCheck> extraChecks) {
        RoomServer room = new RoomServer(vertx, options, extraChecks);
        return vertx.createHttpServer().requestHandler(room.router()).listen(options.port(), options.bind())
                .map(s -> {
                    room.server = s;
                    return room;
                });
    }

    /** The registry behind {@code /metrics}, for meters of what serves beside the room. */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://" + (options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind()) + ":" + port();
    }

    private Router router() {
        Router r = Router.router(vertx);
        r.route().handler(rc -> {
            rc.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer").putHeader("Cache-Control", "no-store");
            rc.next();
        });
        r.route("/static/*").handler(StaticHandler.create("room").setCachingEnabled(false));
        r.get("/health").handler(this::health);
        r.get("/metrics").handler(this::metrics);
        r.get("/").handler(this::history);
        r.get("/runs/:id").handler(rc -> withRun(rc, dir -> blocking(rc,
                () -> Pages.live(folder.id(dir), title(dir), !options.readOnly()), HTML)));
        r.get("/runs/:id/events").handler(this::events);
        r.get("/runs/:id/replay").handler(rc -> withRun(rc, dir -> blocking(rc,
                () -> Pages.replay(folder.id(dir), title(dir), !options.readOnly()), HTML)));
        r.get("/runs/:id/replay.json").handler(rc -> withRun(rc, dir -> blocking(rc,
                () -> MAPPER.writeValueAsString(ReplayScript.of(RecordedRun.load(dir))), "application/json")));
        r.get("/runs/:id/report").handler(rc -> file(rc, "report.html", HTML, false));
        r.get("/runs/:id/premortem").handler(rc -> file(rc, Reports.PREMORTEM_HTML, HTML, false));
        r.get("/runs/:id/journal").handler(rc -> file(rc, JournalReader.FILE_NAME, "application/x-ndjson", true));
        r.post("/runs/:id/*").handler(this::guarded);
        r.post("/runs/:id/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        r.post("/runs/:id/abort").handler(this::abort);
        r.post("/runs/:id/notes").handler(this::note);
        r.post("/runs/:id/replay/notes").handler(this::replayNote);
        r.route().last().handler(rc -> error(rc, 404, "no such page"));
        return r;
    }

    // ---- health and metrics -------------------------------------------------------------------------

    private void health(RoutingContext rc) {
        vertx.executeBlocking(() -> checks.stream().map(HealthCheck::check).toList(), false).onComplete(res -> {
            List<Health> found = res.succeeded() ? res.result()
                    : List.of(new Health("room", false, String.valueOf(res.cause())));
            boolean ok = found.stream().allMatch(Health::ok);
            json(rc, ok ? 200 : 503, Map.of("status", ok ? "ok" : "failing", "checks", found));
        });
    }

    private void metrics(RoutingContext rc) {
        vertx.executeBlocking(() -> {
            metrics.runs(history.runs().stream().map(RunHistory.Run::summary).filter(s -> s != null).toList());
            return metrics.scrape();
        }, false).onComplete(res -> {
            if (res.failed()) {
                error(rc, 500, res.cause().getMessage());
            } else {
                rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(res.result());
            }
        });
    }

    // ---- pages --------------------------------------------------------------------------------------

    private void history(RoutingContext rc) {
        Pages.Filter filter = new Pages.Filter(param(rc, "experiment"), param(rc, "team"), param(rc, "verdict"));
        blocking(rc, () -> Pages.history(history.runs(), filter), HTML);
    }

    private static String param(RoutingContext rc, String name) {
        String v = rc.request().getParam(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The run's experiment title (from the history's summary; blocking). */
    private String title(Path dir) {
        try {
            return history.runs().stream().filter(r -> r.dir().equals(dir)).findFirst()
                    .map(r -> r.summary() == null ? r.id() : r.summary().title()).orElse(dir.getFileName().toString());
        } catch (IOException e) {
            return dir.getFileName().toString();
        }
    }

    /** Server-sent events: the run's state every half second, as long as the page is open. */
    private void events(RoutingContext rc) {
        Optional<Path> dir = folder.run(rc.pathParam("id"));
        if (dir.isEmpty()) {
            error(rc, 404, "no such run");
            return;
        }
        LiveFeed feed = feeds.computeIfAbsent(folder.id(dir.get()),
                id -> new LiveFeed(vertx, new LiveRun(id, dir.get(), metrics)));
        HttpServerResponse response = rc.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("X-Accel-Buffering", "no");
        response.write(": gameday room\n\n");
        feed.follow(response);
    }

    private void file(RoutingContext rc, String name, String type, boolean download) {
        withRun(rc, dir -> {
            Path file = dir.resolve(name);
            vertx.fileSystem().exists(file.toString()).onComplete(exists -> {
                if (!exists.succeeded() || !exists.result()) {
                    error(rc, 404, "this run has no " + name);
                    return;
                }
                HttpServerResponse response = rc.response().putHeader("Content-Type", type);
                if (download) {
                    response.putHeader("Content-Disposition", "attachment; filename=\"" + dir.getFileName() + "-" + name + "\"");
                } else {
                    response.putHeader("Content-Security-Policy", REPORT_CSP);
                }
                response.sendFile(file.toString());
            });
        });
    }

    // ---- requests that change something ------------------------------------------------------------

    private void guarded(RoutingContext rc) {
        Guard.Refusal refusal = guard.check(rc);
        if (refusal != null) {
            json(rc, refusal.status(), Map.of("error", refusal.message()));
        } else {
            rc.next();
        }
    }

    /**
     * Asks the run to abort through its control file (it journals who and when, and ends aborted), and
     * at once takes every fault off through the Toxiproxy API, so the abort holds even if the run is stuck.
     */
    private void abort(RoutingContext rc) {
        withRun(rc, dir -> {
            String by = text(rc, "by", ControlFile.MAX_NAME);
            if (by == null) {
                json(rc, 400, Map.of("error", "say who aborts: give your name"));
                return;
            }
            vertx.executeBlocking(() -> {
                if (!RunsFolder.live(dir)) {
                    throw new IllegalStateException("the run is not in progress");
                }
                ControlFile.abort(dir, by, "room", System.currentTimeMillis());
                metrics.aborted();
                return CrashRecovery.removeFaults(dir);
            }, false).onComplete(res -> {
                if (res.failed()) {
                    json(rc, res.cause() instanceof IllegalStateException ? 409 : 502,
                            Map.of("error", String.valueOf(res.cause().getMessage())));
                    return;
                }
                Teardown.Result t = res.result();
                json(rc, t.clean() ? 200 : 502, Map.of("abortRequested", true, "stillInjected",
                        t.stillInjected().stream().map(ref -> ref.proxy() + " " + ref.toxicName()).toList(),
                        "errors", t.errors()));
            });
        });
    }

    private void note(RoutingContext rc) {
        withRun(rc, dir -> {
            String by = text(rc, "by", ControlFile.MAX_NAME);
            String note = text(rc, "note", ControlFile.MAX_NOTE);
            String role = text(rc, "role", ControlFile.MAX_NAME);
            if (by == null || note == null) {
                json(rc, 400, Map.of("error", "a note needs your name and some text"));
                return;
            }
            vertx.executeBlocking(() -> {
                if (!RunsFolder.live(dir)) {
                    throw new IllegalStateException("the run is over: its journal is closed");
                }
                ControlFile.note(dir, by, role, note, System.currentTimeMillis());
                return true;
            }, false).onComplete(res -> json(rc, res.succeeded() ? 202 : 409, res.succeeded()
                    ? Map.of("queued", true) : Map.of("error", String.valueOf(res.cause().getMessage()))));
        });
    }

    private void replayNote(RoutingContext rc) {
        withRun(rc, dir -> {
            String note = text(rc, "note", ControlFile.MAX_NOTE);
            JsonNode stop = body(rc).path("stop");
            if (note == null || !stop.canConvertToInt()) {
                json(rc, 400, Map.of("error", "a note needs its stop number and some text"));
                return;
            }
            vertx.executeBlocking(() -> {
                ReplayScript.note(RecordedRun.load(dir), stop.asInt(), note);
                return true;
            }, false).onComplete(res -> json(rc, res.succeeded() ? 201 : 400, res.succeeded()
                    ? Map.of("saved", true) : Map.of("error", String.valueOf(res.cause().getMessage()))));
        });
    }

    private static JsonNode body(RoutingContext rc) {
        try {
            JsonNode n = rc.body() == null || rc.body().buffer() == null ? null : MAPPER.readTree(rc.body().asString());
            return n == null ? MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String text(RoutingContext rc, String field, int max) {
        JsonNode v = body(rc).path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        String s = v.asText().strip();
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private interface RunHandler {
        void handle(Path dir);
    }

    private void withRun(RoutingContext rc, RunHandler handler) {
        Optional<Path> dir = folder.run(rc.pathParam("id"));
        if (dir.isEmpty()) {
            error(rc, 404, "no such run in " + folder.dir());
        } else {
            handler.handle(dir.get());
        }
    }

    private void blocking(RoutingContext rc, Callable<String> work, String type) {
        vertx.executeBlocking(work, false).onComplete(res -> {
            if (res.failed()) {
                error(rc, res.cause() instanceof IllegalArgumentException ? 422 : 500,
                        String.valueOf(res.cause().getMessage()));
            } else {
                rc.response().putHeader("Content-Type", type).end(res.result());
            }
        });
    }

    private static void error(RoutingContext rc, int status, String message) {
        rc.response().setStatusCode(status).putHeader("Content-Type", HTML)
                .end(Pages.error(status, message));
    }

    private static void json(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            rc.fail(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().await();
        }
    }
}
