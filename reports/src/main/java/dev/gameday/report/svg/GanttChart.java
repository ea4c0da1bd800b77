package dev.gameday.report.svg;

import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The planned timeline as a Gantt chart: one row per phase or step, bars placed on a shared time axis,
 * parallel children indented under their block.
 */
public final class GanttChart {
    private static final int WIDTH = 1000;
    private static final int LABEL = 230;
    private static final int RIGHT = 24;
    private static final int ROW = 28;
    private static final int TOP = 36;

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public GanttChart(String title) {
        this.title = title;
    }

    public enum Kind { PHASE, FAULT, PAUSE, PARALLEL }

    /** A bar from {@code startMs} lasting {@code durationMs}; {@code detail} is printed on or beside it. */
    public record Row(String label, int depth, long startMs, long durationMs, Kind kind, String detail, boolean ramp) {}

    public GanttChart row(Row row) {
        rows.add(row);
        return this;
    }

    public String render() {
        long span = Math.max(1, rows.stream().mapToLong(r -> r.startMs() + r.durationMs()).max().orElse(1));
        int height = TOP + rows.size() * ROW + 44;
        double plotW = WIDTH - LABEL - RIGHT;
        Svg svg = new Svg(WIDTH, height, title);
        svg.raw("<defs><pattern id=\"pause\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f6f8fa\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d1d9e0\" stroke-width=\"3\"/></pattern>"
                + "<linearGradient id=\"ramp\" x1=\"0\" x2=\"1\"><stop offset=\"0\" stop-color=\"#fd8c73\" "
                + "stop-opacity=\"0.25\"/><stop offset=\"1\" stop-color=\"#cf222e\"/></linearGradient></defs>");
        svg.rect(0, 0, WIDTH, height, "fill=\"#ffffff\"");
        svg.text(8, 20, title, "font-size=\"15\" font-weight=\"600\" fill=\"#1f2328\"");
        double bottom = TOP + rows.size() * ROW;
        long step = TimeChart.niceStep(span / 8.0);
        for (long t = 0; t <= span; t += step) {
            double x = LABEL + plotW * t / span;
            svg.line(x, TOP - 4, x, bottom, "stroke=\"#eaeef2\"");
            svg.text(x, bottom + 16, Units.axis(t), "font-size=\"11\" fill=\"#59636e\" text-anchor=\"middle\"");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = TOP + i * ROW;
            if (i % 2 == 0) {
                svg.rect(0, y, WIDTH, ROW, "fill=\"#f6f8fa\" fill-opacity=\"0.6\"");
            }
            svg.text(8 + 14 * row.depth(), y + 18, (row.depth() > 0 ? "↳ " : "") + row.label(),
                    "font-size=\"12.5\" fill=\"#1f2328\"" + (row.kind() == Kind.PHASE ? " font-style=\"italic\"" : ""));
            double x = LABEL + plotW * row.startMs() / span;
            double w = Math.max(2, plotW * row.durationMs() / span);
            svg.rect(x, y + 5, w, ROW - 10, style(row) + " rx=\"3\"");
            String detail = row.detail() == null ? Units.duration(row.durationMs())
                    : row.detail() + " · " + Units.duration(row.durationMs());
            boolean inside = w > 7.2 * detail.length() + 12;
            svg.text(inside ? x + 6 : Math.min(x + w + 6, WIDTH - RIGHT), y + 18, detail, "font-size=\"11\" fill=\""
                    + (inside && (row.kind() == Kind.FAULT) ? "#ffffff" : "#59636e") + "\""
                    + (!inside && x + w + 6 > WIDTH - 200 ? " text-anchor=\"end\"" : ""));
        }
        svg.text(LABEL, height - 6, "time from the start of the run", "font-size=\"11\" fill=\"#8c959f\"");
        return svg.end();
    }

    private static String style(Row row) {
        return switch (row.kind()) {
            case PHASE -> "fill=\"#ddf4ff\" stroke=\"#54aeff\"";
            case FAULT -> row.ramp() ? "fill=\"url(#ramp)\" stroke=\"#cf222e\"" : "fill=\"#e5534b\" stroke=\"#cf222e\"";
            case PAUSE -> "fill=\"url(#pause)\" stroke=\"#afb8c1\"";
            case PARALLEL -> "fill=\"none\" stroke=\"#8250df\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"";
        };
    }
}
