package dev.gameday.report.svg;

import dev.gameday.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A time-series chart of one probe: stacked panels sharing the x axis (time since the run started),
 * fault windows shaded and labelled, phase boundaries and aborts marked, tolerance lines drawn.
 * Pure SVG, readable in print.
 */
public final class TimeChart {
    private static final int WIDTH = 1000;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int PANEL_HEIGHT = 190;
    private static final int PANEL_GAP = 46;
    private static final int TOP = 44;

    private final String title;
    private final long spanMs;
    private final List<Window> windows = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Panel> panels = new ArrayList<>();

    /** @param spanMs the width of the x axis, from 0 (run start) */
    public TimeChart(String title, long spanMs) {
        this.title = title;
        this.spanMs = Math.max(1, spanMs);
    }

    /** A shaded fault window. */
    public TimeChart window(long fromMs, long toMs, String label) {
        windows.add(new Window(fromMs, toMs, label));
        return this;
    }

    /** A vertical line across all panels: a phase boundary, or an abort when {@code alarm}. */
    public TimeChart marker(long atMs, String label, boolean alarm) {
        markers.add(new Marker(atMs, label, alarm));
        return this;
    }

    public TimeChart panel(Panel panel) {
        panels.add(panel);
        return this;
    }

    public record Window(long fromMs, long toMs, String label) {}

    public record Marker(long atMs, String label, boolean alarm) {}

    /** One line of a panel: {@code ys[i]} at {@code xs[i]} ms; NaN leaves a gap. */
    public record Line(String name, String color, long[] xs, double[] ys, boolean thick) {}

    /** A horizontal tolerance line. */
    public record Threshold(double value, String label) {}

    /**
     * One panel. {@code fixedMax} > 0 pins the y range (e.g. 1.0 for a ratio); otherwise it fits the
     * data and the thresholds. {@code fixedMin} is the floor of the axis.
     */
    public record Panel(String title, DoubleFunction<String> format, double fixedMin, double fixedMax,
            List<Line> lines, List<Threshold> thresholds) {}

    public String render() {
        int height = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) + 10;
        Svg svg = new Svg(WIDTH, height, title);
        svg.rect(0, 0, WIDTH, height, "fill=\"#ffffff\"");
        svg.text(LEFT, 20, title, "font-size=\"15\" font-weight=\"600\" fill=\"#1f2328\"");
        double plotW = WIDTH - LEFT - RIGHT;
        for (int p = 0; p < panels.size(); p++) {
            double top = TOP + p * (PANEL_HEIGHT + PANEL_GAP);
            drawPanel(svg, panels.get(p), top, plotW, p == 0);
        }
        return svg.end();
    }

    private double x(long ms, double plotW) {
        return LEFT + plotW * Math.max(0, Math.min(spanMs, ms)) / spanMs;
    }

    private void drawPanel(Svg svg, Panel panel, double top, double plotW, boolean labelWindows) {
        double bottom = top + PANEL_HEIGHT;
        double min = panel.fixedMin();
        double max = panel.fixedMax() > 0 ? panel.fixedMax() : autoMax(panel);
        svg.text(LEFT, top - 8, panel.title(), "font-size=\"12\" font-weight=\"600\" fill=\"#59636e\"");
        svg.rect(LEFT, top, plotW, PANEL_HEIGHT, "fill=\"#fbfcfd\" stroke=\"#d1d9e0\"");
        for (Window w : windows) {
            double x1 = x(w.fromMs(), plotW);
            double x2 = x(w.toMs(), plotW);
            svg.rect(x1, top, x2 - x1, PANEL_HEIGHT, "fill=\"#fd8c73\" fill-opacity=\"0.16\"");
            svg.line(x1, top, x1, bottom, "stroke=\"#fd8c73\" stroke-width=\"1\"");
            if (labelWindows) {
                svg.text(x1 + 4, top + 14, w.label(), "font-size=\"11\" fill=\"#bc4c00\" font-weight=\"600\"");
            }
        }
        // Y grid and labels.
        double[] ticks = ticks(min, max);
        for (double tick : ticks) {
            double y = y(tick, min, max, top);
            svg.line(LEFT, y, LEFT + plotW, y, "stroke=\"#eaeef2\"");
            svg.text(LEFT - 6, y + 4, panel.format().apply(tick), "font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\"");
        }
        // X axis labels.
        long step = niceStep(spanMs / 8.0);
        for (long t = 0; t <= spanMs; t += step) {
            double x = x(t, plotW);
            svg.line(x, bottom, x, bottom + 4, "stroke=\"#8c959f\"");
            svg.text(x, bottom + 16, Units.axis(t),
                    "font-size=\"11\" fill=\"#59636e\" text-anchor=\"middle\"");
        }
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (Marker m : markers) {
            double x = x(m.atMs(), plotW);
            String color = m.alarm() ? "#cf222e" : "#8c959f";
            svg.line(x, top, x, bottom, "stroke=\"" + color + "\" stroke-width=\"" + (m.alarm() ? 2 : 1)
                    + "\" stroke-dasharray=\"" + (m.alarm() ? "6 3" : "3 3") + "\"");
            // Labels of markers close together would overprint; the line alone still shows the moment.
            if (m.alarm() || x - lastLabel > 6.5 * m.label().length() + 8) {
                boolean fits = x + 6.5 * m.label().length() < LEFT + plotW;
                svg.text(fits ? x + 3 : x - 3, bottom - 6, m.label(), "font-size=\"10.5\" fill=\"" + color + "\""
                        + (m.alarm() ? " font-weight=\"700\"" : "") + (fits ? "" : " text-anchor=\"end\""));
                lastLabel = x;
            }
        }
        for (Threshold th : panel.thresholds()) {
            double y = y(th.value(), min, max, top);
            svg.line(LEFT, y, LEFT + plotW, y, "stroke=\"#cf222e\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"");
            svg.text(LEFT + plotW - 4, y - top < 16 ? y + 14 : y - 5, th.label(),
                    "font-size=\"11\" fill=\"#cf222e\" text-anchor=\"end\" font-weight=\"600\"");
        }
        for (Line line : panel.lines()) {
            svg.path(path(line, min, max, top, plotW), "fill=\"none\" stroke=\"" + line.color() + "\" stroke-width=\""
                    + (line.thick() ? 2.2 : 1.5) + "\" stroke-linejoin=\"round\"");
        }
        legend(svg, panel, top, plotW);
    }

    private void legend(Svg svg, Panel panel, double top, double plotW) {
        double x = LEFT + plotW;
        for (int i = panel.lines().size() - 1; i >= 0; i--) {
            Line line = panel.lines().get(i);
            double textW = 7 * line.name().length() + 8;
            x -= textW + 22;
            svg.line(x, top - 12, x + 16, top - 12, "stroke=\"" + line.color() + "\" stroke-width=\"2.5\"");
            svg.text(x + 20, top - 8, line.name(), "font-size=\"11\" fill=\"#1f2328\"");
        }
    }

    private String path(Line line, double min, double max, double top, double plotW) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < line.xs().length; i++) {
            double v = line.ys()[i];
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(Svg.n(x(line.xs()[i], plotW))).append(',')
                    .append(Svg.n(y(Math.min(v, max), min, max, top)));
            pen = true;
        }
        return d.toString();
    }

    private static double y(double v, double min, double max, double top) {
        double clamped = Math.max(min, Math.min(max, v));
        return top + PANEL_HEIGHT - PANEL_HEIGHT * (clamped - min) / (max - min);
    }

    private static double autoMax(Panel panel) {
        double max = 0;
        for (Line line : panel.lines()) {
            for (double v : line.ys()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        for (Threshold th : panel.thresholds()) {
            max = Math.max(max, th.value() * 1.15);
        }
        return max <= panel.fixedMin() ? panel.fixedMin() + 1 : niceCeil(max * 1.08);
    }

    private static double[] ticks(double min, double max) {
        double step = niceCeilStep((max - min) / 4);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double niceCeil(double v) {
        double step = niceCeilStep(v / 4);
        return Math.ceil(v / step) * step;
    }

    private static double niceCeilStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
    }

    /** A round step on a time axis: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, hours. */
    static long niceStep(double rawMs) {
        long[] steps = {100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};
        for (long s : steps) {
            if (s >= rawMs) {
                return s;
            }
        }
        return steps[steps.length - 1] * (long) Math.ceil(rawMs / steps[steps.length - 1]);
    }
}
