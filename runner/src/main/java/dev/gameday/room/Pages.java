package dev.gameday.room;

import dev.gameday.report.Reports;
import dev.gameday.report.run.RunSummary;
import dev.gameday.text.Units;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The room's pages, rendered on the server: every text from a journal or a request is escaped
 * ({@link #esc}); behaviour comes from the script files the pages name, never from inline script or
 * style (the room's Content-Security-Policy forbids both).
 */
final class Pages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Pages() {}

    /** The filters of the history page; null: any. */
    record Filter(String experiment, String team, String verdict) {
        boolean keeps(RunSummary s) {
            return (experiment == null || experiment.equals(s.title())) && (team == null || team.equals(s.team()))
                    && (verdict == null || verdict.equals(s.verdict()));
        }
    }

    static String history(List<RunHistory.Run> runs, Filter filter) {
        StringBuilder b = new StringBuilder();
        List<RunHistory.Run> live = runs.stream().filter(r -> RunsFolder.live(r.dir())).toList();
        b.append("<section id=\"live-runs\"><h2>Live now</h2>");
        if (live.isEmpty()) {
            b.append("<p class=\"quiet\">No run is in progress in this folder. Start one with "
                    + "<code>gameday run FILE --out ").append(esc(runs.isEmpty() ? "runs" : runs.get(0).dir()
                    .getParent().toString())).append("</code>.</p>");
        } else {
            b.append("<ul>");
            live.forEach(r -> b.append("<li><a class=\"live-link\" href=\"/runs/").append(esc(r.id())).append("\">")
                    .append(esc(r.summary() == null ? r.id() : r.summary().title())).append("</a> <span class=\"quiet\">")
                    .append(esc(r.id())).append("</span></li>"));
            b.append("</ul>");
        }
        b.append("</section>");
        List<RunSummary> all = runs.stream().map(RunHistory.Run::summary).filter(Objects::nonNull).toList();
        b.append("<section id=\"history\"><h2>History</h2><form method=\"get\" action=\"/\" class=\"filters\">");
        select(b, "experiment", "Experiment", new TreeSet<>(all.stream().map(RunSummary::title).toList()),
                filter.experiment());
        select(b, "team", "Team", new TreeSet<>(all.stream().map(RunSummary::team).filter(Objects::nonNull).toList()),
                filter.team());
        select(b, "verdict", "Verdict", new TreeSet<>(all.stream().map(RunSummary::verdict).toList()),
                filter.verdict());
        b.append("<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>");
        b.append("<table id=\"runs\"><thead><tr><th>Started</th><th>Experiment</th><th>Team</th><th>Verdict</th>"
                + "<th>Duration</th><th>Time to detect</th><th>Time to recover</th><th>Error budget</th>"
                + "<th>Replay notes</th><th>Files</th></tr></thead><tbody>");
        for (RunHistory.Run r : runs) {
            RunSummary s = r.summary();
            if (s == null) {
                b.append("<tr class=\"unreadable\"><td colspan=\"10\">").append(esc(r.id())).append(": ")
                        .append(esc(r.problem())).append("</td></tr>");
                continue;
            }
            if (!filter.keeps(s)) {
                continue;
            }
            String id = esc(r.id());
            b.append("<tr data-run=\"").append(id).append("\"><td>").append(esc(WHEN.format(Instant.ofEpochMilli(s.startT()))))
                    .append("</td><td>").append(esc(s.title())).append("</td><td>").append(esc(s.team() == null ? "–" : s.team()))
                    .append("</td><td>").append(verdict(s.verdict(), s.partial() && RunsFolder.live(r.dir())))
                    .append("</td><td>").append(esc(Units.duration(s.durationMs())))
                    .append("</td><td>").append(esc(s.timeToDetectMs() == null ? "–" : Units.duration(s.timeToDetectMs())))
                    .append("</td><td>").append(esc(s.timeToRecoverMs() == null ? "–" : Units.duration(s.timeToRecoverMs())))
                    .append("</td><td>").append(esc(s.budgetCost())).append("</td><td>").append(s.notes())
                    .append("</td><td class=\"links\"><a href=\"/runs/").append(id).append("\">live</a> <a href=\"/runs/")
                    .append(id).append("/replay\">replay</a>");
            if (Files.isRegularFile(r.dir().resolve("report.html"))) {
                b.append(" <a href=\"/runs/").append(id).append("/report\">report</a>");
            }
            if (Files.isRegularFile(r.dir().resolve(Reports.PREMORTEM_HTML))) {
                b.append(" <a href=\"/runs/").append(id).append("/premortem\">pre-mortem</a>");
            }
            b.append(" <a href=\"/runs/").append(id).append("/journal\" download>journal</a></td></tr>");
        }
        b.append("</tbody></table></section>");
        overTime(b, all);
        return page("Game-day room", "history", "", b.toString(), null);
    }

    /** Each experiment's verdicts, oldest first. */
    private static void overTime(StringBuilder b, List<RunSummary> all) {
        Map<String, List<RunSummary>> byTitle = new LinkedHashMap<>();
        all.stream().sorted((x, y) -> Long.compare(x.startT(), y.startT()))
                .forEach(s -> byTitle.computeIfAbsent(s.title(), t -> new ArrayList<>()).add(s));
        b.append("<section id=\"over-time\"><h2>Verdicts over time</h2><table>");
        byTitle.forEach((title, runs) -> {
            b.append("<tr><th>").append(esc(title)).append("</th><td class=\"strip\">");
            runs.forEach(s -> b.append("<span class=\"dot v-").append(cls(s.verdict())).append("\" title=\"")
                    .append(esc(WHEN.format(Instant.ofEpochMilli(s.startT())) + ": " + s.verdict())).append("\">")
                    .append(esc(s.verdict().substring(0, 1).toUpperCase(Locale.ROOT))).append("</span>"));
            b.append("</td></tr>");
        });
        b.append("</table></section>");
    }

    private static void select(StringBuilder b, String name, String label, TreeSet<String> values, String chosen) {
        b.append("<label>").append(label).append(" <select name=\"").append(name).append("\"><option value=\"\">any</option>");
        values.forEach(v -> b.append("<option value=\"").append(esc(v)).append("\"").append(v.equals(chosen) ? " selected" : "")
                .append(">").append(esc(v)).append("</option>"));
        b.append("</select></label> ");
    }

    static String live(String id, String title, boolean writable) {
        String body = """
                <section class="status"><div><span class="label">Phase</span> <span id="phase" class="big">…</span></div>
                <div><span class="label">Step</span> <span id="step" class="big">–</span></div>
                <div><span class="label">Time left</span> <span id="left" class="big">–</span></div>
                <div><span class="label">Verdict</span> <span id="verdict" class="big">–</span></div></section>
                <p id="summary" class="quiet"></p>
                <p><span class="label">People</span> <span id="people">–</span></p>
                %s
                <section><h2>Probes</h2><div id="probes"></div></section>
                <section><h2>Abort conditions</h2><table id="aborts"><thead><tr><th>Condition</th><th>Probe</th>
                <th>Now</th><th>Trips when</th><th>State</th></tr></thead><tbody></tbody></table></section>
                <section class="two"><div><h2>Faults in place now</h2><p class="quiet">From the Toxiproxy API.</p>
                <table id="faults"><thead><tr><th>Proxy</th><th>Toxic</th><th>Type</th><th>Stream</th><th>Attributes</th>
                </tr></thead><tbody></tbody></table></div>
                <div><h2>Proxy traffic</h2><table id="traffic"><thead><tr><th>Proxy</th><th>Connections</th>
                <th>Bytes up</th><th>Bytes down</th></tr></thead><tbody></tbody></table><p id="proxy-problem" class="quiet"></p>
                </div></section>
                <section class="two"><div><h2>Scribe log</h2>%s<ol id="notes"></ol></div>
                <div><h2>Journal</h2><ol id="events"></ol></div></section>
                """.formatted(writable ? ABORT : "", writable ? NOTE_FORM : "<p class=\"quiet\">Read-only room: no notes.</p>");
        return page(title + " — live", "live", "data-run=\"" + esc(id) + "\"", (writable ? YOU : "") + body, "live.js");
    }

    private static final String YOU = """
            <section id="you" class="you"><label>Your name <input id="you-name" autocomplete="name" maxlength="80"></label>
            <label>Role <input id="you-role" list="roles" maxlength="80"></label>
            <datalist id="roles"><option value="incident commander"><option value="scribe"><option value="observer">
            <option value="facilitator"></datalist>
            <label>Room token <input id="you-token" type="password" autocomplete="off"></label></section>
            """;

    private static final String ABORT = """
            <section class="abort"><button id="abort" class="danger" type="button">Abort the run</button>
            <div id="abort-confirm" class="confirm" hidden><p><strong>Remove every fault now and abort this run?</strong>
            The run is told to stop, and the faults are taken off through the Toxiproxy API at once.</p>
            <button id="abort-yes" class="danger" type="button">Yes, abort now</button>
            <button id="abort-no" type="button">Cancel</button></div><p id="abort-result" role="status"></p></section>
            """;

    private static final String NOTE_FORM = """
            <form id="note-form"><textarea id="note-text" rows="3" maxlength="4000"
            placeholder="What do you see? What was done? (Enter adds the note)"></textarea>
            <button type="submit">Add note</button> <span id="note-result" role="status"></span></form>
            """;

    static String replay(String id, String title, boolean writable) {
        String body = """
                <section class="controls"><button id="play" type="button">Play</button>
                <button id="pause" type="button">Pause</button>
                <button id="step" type="button">Step to next stop</button>
                <label>Speed <select id="speed"><option value="1">1×</option><option value="2">2×</option>
                <option value="5" selected>5×</option><option value="10">10×</option><option value="30">30×</option>
                </select></label>
                <button id="large" type="button" aria-pressed="false">Facilitator mode</button>
                <span class="label">At</span> <span id="clock" class="big">+0:00</span>
                <span class="quiet" id="length"></span></section>
                <p id="partial" class="warn" hidden></p>
                <section id="stop" class="stop" hidden><h2 id="stop-title"></h2><ul id="stop-prompts"></ul>
                <button id="reveal" type="button">Reveal what happened next</button><ul id="happened" hidden></ul>
                %s</section>
                <section><h2>Probes</h2><div id="probes"></div></section>
                <section><h2>What happened</h2><ol id="events"></ol></section>
                """.formatted(writable ? """
                <form id="replay-note-form"><textarea id="replay-note" rows="2" maxlength="4000"
                placeholder="A note for this stop (saved to notes.jsonl, shown in the next report)"></textarea>
                <label>Room token <input id="you-token" type="password" autocomplete="off"></label>
                <button type="submit">Save note</button> <span id="replay-note-result" role="status"></span></form>
                """ : "");
        return page(title + " — replay", "replay", "data-run=\"" + esc(id) + "\"", body, "replay.js");
    }

    static String error(int status, String message) {
        return page("Game-day room", "error", "", "<p class=\"warn\">" + status + ": " + esc(message) + "</p>"
                + "<p><a href=\"/\">Back to the runs</a></p>", null);
    }

    private static String page(String title, String kind, String data, String body, String script) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><link rel=\"stylesheet\" href=\"/static/room.css\"></head>"
                + "<body class=\"" + kind + "\" " + data + "><header><a href=\"/\" class=\"home\">Game-day room</a> "
                + "<h1>" + esc(title) + "</h1></header><main>" + body + "</main>"
                + (script == null ? "" : "<script src=\"/static/charts.js\"></script><script src=\"/static/" + script
                        + "\"></script>")
                + "</body></html>\n";
    }

    private static String verdict(String verdict, boolean running) {
        if (running) {
            return "<span class=\"badge v-running\">running</span>";
        }
        return "<span class=\"badge v-" + cls(verdict) + "\">" + esc(verdict) + "</span>";
    }

    private static String cls(String verdict) {
        return verdict == null ? "unknown" : verdict.replaceAll("[^a-z]", "");
    }

    static String esc(String s) {
        return dev.gameday.report.html.Html.escape(s);
    }
}
