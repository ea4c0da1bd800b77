package dev.gameday.report.doc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link Document} as GitHub-flavoured Markdown. Text is escaped so that neither Markdown
 * syntax nor raw HTML from an experiment file can change the page: Markdown punctuation is
 * backslash-escaped, HTML's special characters become entities, what would start a block (a list
 * marker, an indent) at the start of one is neutralised, and code spans are fenced with more
 * backticks than any run inside them.
 */
public final class MarkdownWriter {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]#|~])");
    /** At the start of a block: list markers, ordered-list numbers, thematic breaks, setext underlines. */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\d{1,9})?([-+=.)])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

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
            out.append(blockStart(inline(p.content()))).append("\n\n");
        } else if (block instanceof Block.Banner b) {
            out.append("> **").append(escape(b.title())).append("** — ").append(inline(b.content())).append("\n\n");
        } else if (block instanceof Block.Note n) {
            String content = inline(n.content());
            out.append("> ").append(n.tone() == Tone.NEUTRAL ? blockStart(content) : "**Note:** " + content)
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
        } else {
            throw unrenderable(block);
        }
    }

    /** Every kind of the sealed {@link Block} and {@link Inline} is rendered above; a new one must be too. */
    private static IllegalArgumentException unrenderable(Object kind) {
        return new IllegalArgumentException("MarkdownWriter cannot render " + kind.getClass().getSimpleName());
    }

    private static void list(StringBuilder out, List<List<Inline>> items, String marker) {
        for (List<Inline> item : items) {
            out.append(marker).append(blockStart(inline(item))).append('\n');
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
            row.forEach(cell -> out.append(' ').append(inline(cell, true)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    static String inline(List<Inline> content) {
        return inline(content, false);
    }

    /** In a table cell a {@code |} ends the cell, even in a code span, unless it is escaped. */
    private static String inline(List<Inline> content, boolean inTable) {
        StringBuilder out = new StringBuilder();
        for (Inline piece : content) {
            if (piece instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (piece instanceof Inline.Strong s) {
                // Emphasis may not end in a space in CommonMark: keep the space outside the stars.
                String text = s.text().stripTrailing();
                out.append("**").append(escape(text)).append("**").append(s.text().substring(text.length()));
            } else if (piece instanceof Inline.Code c) {
                out.append(code(c.text(), inTable));
            } else if (piece instanceof Inline.Badge b) {
                out.append("**").append(escape(b.text())).append("**");
            } else if (piece instanceof Inline.Link l) {
                if (l.safe()) {
                    out.append('[').append(escape(l.text())).append("](").append(l.url()).append(')');
                } else {
                    out.append(escape(l.text()));
                }
            } else {
                throw unrenderable(piece);
            }
        }
        return out.toString();
    }

    /**
     * A code span shows its text as it is (no escape works inside one), so it is fenced with one more
     * backtick than the longest run inside, and padded with a space when the text starts or ends
     * with a backtick or with spaces on both ends (CommonMark strips one such space on each side).
     */
    private static String code(String text, boolean inTable) {
        String flat = flatten(text);
        if (flat.isEmpty()) {
            return "";
        }
        int longest = 0;
        Matcher runs = BACKTICKS.matcher(flat);
        while (runs.find()) {
            longest = Math.max(longest, runs.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`")
                || flat.startsWith(" ") && flat.endsWith(" ") && !flat.isBlank();
        String body = pad ? " " + flat + " " : flat;
        return fence + (inTable ? body.replace("|", "\\|") : body) + fence;
    }

    /** Rendered inline text placed at the start of a block: it must not open another block. */
    private static String blockStart(String rendered) {
        return BLOCK_START.matcher(rendered.stripLeading()).replaceFirst("$1\\\\$2");
    }

    /** Escapes Markdown syntax and HTML; newlines become spaces so text cannot break tables or lists. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String flat = SPECIAL.matcher(flatten(text)).replaceAll("\\\\$1");
        return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One line, without control characters: a journal's text must not reach a terminal that shows the file. */
    private static String flatten(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]", "");
    }
}
