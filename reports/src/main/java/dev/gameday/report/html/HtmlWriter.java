package dev.gameday.report.html;

import dev.gameday.report.doc.Block;
import dev.gameday.report.doc.Document;
import dev.gameday.report.doc.Inline;
import dev.gameday.report.doc.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Document} as one self-contained HTML page: styles inline, charts as inline SVG, no
 * script and no network, so it can be mailed, archived and printed. A strict Content-Security-Policy
 * backs up the escaping.
 */
public final class HtmlWriter {
    private static final String STYLE = loadStyle();

    private HtmlWriter() {}

    public static String render(Document doc) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"gameday\">\n")
                .append("<title>").append(Html.escape(doc.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").append(Html.escape(doc.title()))
                .append("</h1>\n");
        if (doc.subtitle() != null) {
            out.append("<p class=\"subtitle\">").append(Html.escape(doc.subtitle())).append("</p>\n");
        }
        out.append("</header>\n");
        boolean sectionOpen = false;
        for (Block block : doc.blocks()) {
            if (block instanceof Block.Heading h && h.level() == 1) {
                if (sectionOpen) {
                    out.append("</section>\n");
                }
                out.append("<section id=\"").append(anchor(h.text())).append("\">\n");
                sectionOpen = true;
            }
            block(out, block);
        }
        if (sectionOpen) {
            out.append("</section>\n");
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Block.Heading h) {
            int level = Math.min(6, h.level() + 1);
            out.append("<h").append(level).append('>').append(Html.escape(h.text())).append("</h").append(level)
                    .append(">\n");
        } else if (block instanceof Block.Paragraph p) {
            out.append("<p>").append(inline(p.content())).append("</p>\n");
        } else if (block instanceof Block.Banner b) {
            out.append("<div class=\"banner ").append(tone(b.tone())).append("\"><div class=\"banner-title\">")
                    .append(Html.escape(b.title())).append("</div><div class=\"banner-text\">")
                    .append(inline(b.content())).append("</div></div>\n");
        } else if (block instanceof Block.Note n) {
            out.append("<div class=\"note ").append(tone(n.tone())).append("\">").append(inline(n.content()))
                    .append("</div>\n");
        } else if (block instanceof Block.Facts f) {
            out.append("<dl class=\"facts\">\n");
            for (Block.Fact fact : f.facts()) {
                out.append("<dt>").append(Html.escape(fact.label())).append("</dt><dd>").append(inline(fact.value()))
                        .append("</dd>\n");
            }
            out.append("</dl>\n");
        } else if (block instanceof Block.Table t) {
            table(out, t);
        } else if (block instanceof Block.Bullets b) {
            list(out, b.items(), "<ul>", "");
        } else if (block instanceof Block.Checklist c) {
            list(out, c.items(), "<ul class=\"checklist\">", "<span class=\"box\"></span>");
        } else if (block instanceof Block.Figure f) {
            out.append("<figure>").append(f.svg()).append("<figcaption>").append(Html.escape(f.caption()))
                    .append("</figcaption></figure>\n");
        } else {
            throw unrenderable(block);
        }
    }

    /** Every kind of the sealed {@link Block} and {@link Inline} is rendered above; a new one must be too. */
    private static IllegalArgumentException unrenderable(Object kind) {
        return new IllegalArgumentException("HtmlWriter cannot render " + kind.getClass().getSimpleName());
    }

    private static void list(StringBuilder out, List<List<Inline>> items, String open, String prefix) {
        out.append(open).append('\n');
        for (List<Inline> item : items) {
            out.append("<li>").append(prefix).append(inline(item)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void table(StringBuilder out, Block.Table t) {
        out.append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        t.headers().forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<List<Inline>> row : t.rows()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(inline(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    static String inline(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        for (Inline piece : content) {
            if (piece instanceof Inline.Text t) {
                out.append(Html.escape(t.text()));
            } else if (piece instanceof Inline.Strong s) {
                out.append("<strong>").append(Html.escape(s.text())).append("</strong>");
            } else if (piece instanceof Inline.Code c) {
                out.append("<code>").append(Html.escape(c.text())).append("</code>");
            } else if (piece instanceof Inline.Badge b) {
                out.append("<span class=\"badge ").append(tone(b.tone())).append("\">").append(Html.escape(b.text()))
                        .append("</span>");
            } else if (piece instanceof Inline.Link l) {
                if (l.safe()) {
                    out.append("<a href=\"").append(Html.escape(l.url())).append("\">").append(Html.escape(l.text()))
                            .append("</a>");
                } else {
                    out.append(Html.escape(l.text()));
                }
            } else {
                throw unrenderable(piece);
            }
        }
        return out.toString();
    }

    private static String tone(Tone tone) {
        return tone.name().toLowerCase(Locale.ROOT);
    }

    private static String anchor(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String loadStyle() {
        try (InputStream in = HtmlWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
