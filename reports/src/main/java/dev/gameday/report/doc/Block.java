package dev.gameday.report.doc;

import java.util.List;

/**
 * One block of a {@link Document}. Sealed: the writers ({@link MarkdownWriter},
 * {@code report.html.HtmlWriter}) handle every permitted kind and throw on any other, and
 * {@code BlockKindsTest} renders each kind with each writer, so a kind added here fails a test until
 * every writer renders it.
 */
public sealed interface Block {
    record Heading(int level, String text) implements Block {}

    record Paragraph(List<Inline> content) implements Block {}

    /** The line a reader sees first: the verdict of a run, or go / no-go before one. */
    record Banner(Tone tone, String title, List<Inline> content) implements Block {}

    /** A highlighted remark, e.g. that the journal is partial. */
    record Note(Tone tone, List<Inline> content) implements Block {}

    /** Label/value pairs such as "Owner: alice". */
    record Facts(List<Fact> facts) implements Block {}

    record Table(List<String> headers, List<List<List<Inline>>> rows) implements Block {}

    record Bullets(List<List<Inline>> items) implements Block {}

    /** Items to tick off before starting. */
    record Checklist(List<List<Inline>> items) implements Block {}

    /**
     * An inline SVG chart. {@code svg} is markup built by {@code dev.gameday.report.svg}, which escapes
     * its text; Markdown shows {@code alt} instead.
     */
    record Figure(String svg, String caption, String alt) implements Block {}

    record Fact(String label, List<Inline> value) {}
}
