package dev.gameday.report.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of blocks, built once and rendered to HTML and Markdown alike, so both formats
 * always say the same thing.
 */
public final class Document {
    private final String title;
    private final String subtitle;
    private final List<Block> blocks = new ArrayList<>();

    public Document(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Document add(Block block) {
        blocks.add(block);
        return this;
    }

    public Document heading(int level, String text) {
        return add(new Block.Heading(level, text));
    }

    public Document paragraph(String text) {
        return add(new Block.Paragraph(Inline.plain(text)));
    }

    public Document note(Tone tone, String text) {
        return add(new Block.Note(tone, Inline.plain(text)));
    }

    public Document bullets(List<String> items) {
        return add(new Block.Bullets(items.stream().map(Inline::plain).toList()));
    }
}
