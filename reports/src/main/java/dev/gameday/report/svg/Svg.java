package dev.gameday.report.svg;

import dev.gameday.report.html.Html;
import java.util.Locale;

/** A tiny SVG writer: numbers in a locale-independent form, every text escaped. */
final class Svg {
    private final StringBuilder out = new StringBuilder(16 * 1024);

    Svg(int width, int height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">")
                .append("<title>").append(Html.escape(label)).append("</title>");
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg rect(double x, double y, double w, double h, String style) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" ").append(style).append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(style).append("/>");
        return this;
    }

    Svg text(double x, double y, String text, String style) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" ").append(style).append('>')
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg path(String d, String style) {
        if (!d.isEmpty()) {
            out.append("<path d=\"").append(d).append("\" ").append(style).append("/>");
        }
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
