package dev.gameday.report.doc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Document} as GitHub-flavoured Markdown. Text is escaped so that neither Markdown
 * syntax nor raw HTML from an experiment file can change the page.
 */
public final class MarkdownWriter {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]#|~])");

    private MarkdownWriter() {}

    public static String render(Document doc) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(doc.title())).append("\n\n");
        if (doc.subtitle() != null) {
            out.append('_').append(escape(doc.subtitle())).append("_\n\n");
        }
        for (Block block : doc.blocks()) {
            block(out, block);
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Block.Heading h) {
            out.append("#".repeat(Math.min(6, h.level() + 1))).append(' ').append(escape(h.text())).append("\n\n");
        } else if (block instanceof Block.Paragraph p) {
            out.append(inline(p.content())).append("\n\n");
        } else if (block instanceof Block.Banner b) {
            out.append("> **").append(escape(b.title())).append("** — ").append(inline(b.content())).append("\n\n");
        } else if (block instanceof Block.Note n) {
            out.append("> ").append(n.tone() == Tone.NEUTRAL ? "" : "**Note:** ").append(inline(n.content()))
                    .append("\n\n");
        } else if (block instanceof Block.Facts f) {
            for (Block.Fact fact : f.facts()) {
                out.append("- **").append(escape(fact.label())).append(":** ").append(inline(fact.value())).append('\n');
            }
            out.append('\n');
        } else if (block instanceof Block.Table t) {
            table(out, t);
        } else if (block instanceof Block.Bullets b) {
            list(out, b.items(), "- ");
        } else if (block instanceof Block.Checklist c) {
            list(out, c.items(), "- [ ] ");
        } else if (block instanceof Block.Figure f) {
            out.append('_').append(escape(f.caption())).append(":_ ").append(escape(f.alt()))
                    .append(" (chart in the HTML report)\n\n");
        }
    }

    private static void list(StringBuilder out, List<List<Inline>> items, String marker) {
        for (List<Inline> item : items) {
            out.append(marker).append(inline(item)).append('\n');
        }
        out.append('\n');
    }

    private static void table(StringBuilder out, Block.Table t) {
        out.append('|');
        t.headers().forEach(h -> out.append(' ').append(escape(h)).append(" |"));
        out.append("\n|");
        t.headers().forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<List<Inline>> row : t.rows()) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(inline(cell)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    static String inline(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        for (Inline piece : content) {
            if (piece instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (piece instanceof Inline.Strong s) {
                // Emphasis may not end in a space in CommonMark: keep the space outside the stars.
                String text = s.text().stripTrailing();
                out.append("**").append(escape(text)).append("**").append(s.text().substring(text.length()));
            } else if (piece instanceof Inline.Code c) {
                out.append(code(c.text()));
            } else if (piece instanceof Inline.Badge b) {
                out.append("**").append(escape(b.text())).append("**");
            } else if (piece instanceof Inline.Link l) {
                if (l.safe()) {
                    out.append('[').append(escape(l.text())).append("](").append(l.url()).append(')');
                } else {
                    out.append(escape(l.text()));
                }
            }
        }
        return out.toString();
    }

    private static String code(String text) {
        String flat = flatten(text).replace("|", "\\|");
        String fence = flat.contains("`") ? "`` " : "`";
        return fence + flat + (fence.length() > 1 ? " ``" : "`");
    }

    /** Escapes Markdown syntax and HTML; newlines become spaces so text cannot break tables or lists. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String flat = SPECIAL.matcher(flatten(text)).replaceAll("\\\\$1");
        return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String flatten(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
