package dev.gameday.report.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * report.md and premortem.md rendered by a real CommonMark parser with GitHub's tables: whatever an
 * experiment file or a journal puts in a text, it comes out as that text, never as HTML, a link or
 * other markup.
 */
class MarkdownWriterTest {
    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static Stream<String> hostile() {
        return Stream.of(
                "<img src=x onerror=alert(1)>",
                "file`name`<img src=x onerror=alert(1)>.yaml",
                "a``b<img src=x onerror=alert(1)>``c",
                "```<script>alert(1)</script>```",
                "` leading and trailing `",
                "<!-- hidden --> <div>block</div> <a href=\"javascript:alert(1)\">x</a>",
                "&lt;b&gt; &amp; &#60;img&#62; &#x3C;",
                "*emph* _under_ **strong** ~~strike~~ __bold__",
                "[link](javascript:alert(1)) ![img](http://x/y.png) [ref][1] <http://auto.link/>",
                "- a list",
                "+ a list",
                "* a list",
                "1. ordered",
                "2) ordered",
                "# heading",
                "> quote",
                "    indented code",
                "---",
                "===",
                "| a | b |",
                "a \\| b \\ c \\",
                "line one\nline two <b>\r\n  - item",
                "\\<img src=x onerror=alert(1)>",
                "<?php echo 1; ?> <![CDATA[x]]> <!DOCTYPE html>",
                "tabs\tand  double  spaces");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void textStaysText(String text) {
        String expected = flat(text).strip();
        Document doc = new Document(text, text)
                .heading(1, text)
                .add(new Block.Paragraph(List.of(new Inline.Text(text))))
                .add(new Block.Bullets(List.of(List.of(new Inline.Text(text)))))
                .add(new Block.Note(Tone.BAD, List.of(new Inline.Text(text))))
                .add(new Block.Table(List.of(text, "b"), List.of(List.of(
                        List.of(new Inline.Text(text)), List.of(new Inline.Code(text))))));
        Node root = GFM.parse(MarkdownWriter.render(doc));
        assertNoMarkup(root, text);
        assertThat(texts(root, Heading.class)).as("headings").containsOnly(expected);
        assertThat(texts(root, ListItem.class)).as("list item").containsExactly(expected);
        assertThat(texts(root, TableCell.class)).as("table cells").containsExactly(expected, "b", expected, flat(text));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void codeStaysCode(String text) {
        Document doc = new Document("t", null)
                .add(new Block.Paragraph(List.of(new Inline.Text("see "), new Inline.Code(text), new Inline.Text(" here"))));
        Node root = GFM.parse(MarkdownWriter.render(doc));
        assertNoMarkup(root, text);
        List<String> code = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Code c) {
                code.add(c.getLiteral());
            }
        });
        assertThat(code).containsExactly(flat(text));
        assertThat(texts(root, Paragraph.class)).containsExactly("see " + flat(text) + " here");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void linkTextStaysText(String text) {
        Document doc = new Document("t", null)
                .add(new Block.Paragraph(List.of(new Inline.Link(text, "https://example.com/a_b*c"))));
        Node root = GFM.parse(MarkdownWriter.render(doc));
        List<Link> links = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(Link l) {
                links.add(l);
            }

            @Override
            public void visit(HtmlInline h) {
                throw new AssertionError("raw HTML " + h.getLiteral());
            }
        });
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getDestination()).isEqualTo("https://example.com/a_b*c");
        assertThat(text(links.get(0))).isEqualTo(flat(text));
    }

    /** No raw HTML, no link or image, no block other than those the document asked for. */
    private static void assertNoMarkup(Node root, String text) {
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline h) {
                throw new AssertionError("raw HTML " + h.getLiteral() + " from " + text);
            }

            @Override
            public void visit(HtmlBlock h) {
                throw new AssertionError("raw HTML block " + h.getLiteral() + " from " + text);
            }

            @Override
            public void visit(Link l) {
                throw new AssertionError("a link from " + text);
            }

            @Override
            public void visit(Image i) {
                throw new AssertionError("an image from " + text);
            }
        });
    }

    private static <T extends Node> List<String> texts(Node root, Class<T> type) {
        List<String> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            collect(n, type, out);
        }
        return out;
    }

    private static <T extends Node> void collect(Node n, Class<T> type, List<String> out) {
        if (type.isInstance(n)) {
            out.add(text(n));
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            collect(c, type, out);
        }
    }

    /** The text a reader sees in {@code n}: its text and code, line breaks as spaces. */
    private static String text(Node n) {
        StringBuilder out = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                out.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                out.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak b) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    private static String flat(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
