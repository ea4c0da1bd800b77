package dev.gameday.report.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.report.html.HtmlWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every kind a document can hold is rendered by every writer: each permitted {@link Block}, and each
 * permitted {@link Inline} inside a paragraph, adds its text to the page. The kinds are read from the
 * sealed interfaces, so a kind added there fails here until each writer renders it (the writers throw
 * on a kind they do not know, rather than leave it out).
 */
class BlockKindsTest {
    private static final String SAMPLE = "kind-sample";
    private static final Map<String, Function<Document, String>> WRITERS =
            Map.of("HtmlWriter", HtmlWriter::render, "MarkdownWriter", MarkdownWriter::render);

    @Test
    void everyBlockKindIsRenderedByEveryWriter() throws Exception {
        Class<?>[] kinds = Block.class.getPermittedSubclasses();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(9);
        for (Class<?> kind : kinds) {
            Block block = (Block) sample(kind);
            WRITERS.forEach((name, writer) -> assertThat(added(writer, block))
                    .as("%s renders a %s", name, kind.getSimpleName()).contains(SAMPLE));
        }
    }

    @Test
    void everyInlineKindIsRenderedByEveryWriter() throws Exception {
        Class<?>[] kinds = Inline.class.getPermittedSubclasses();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(5);
        for (Class<?> kind : kinds) {
            Block paragraph = new Block.Paragraph(List.of((Inline) sample(kind)));
            WRITERS.forEach((name, writer) -> assertThat(added(writer, paragraph))
                    .as("%s renders a %s", name, kind.getSimpleName()).contains(SAMPLE));
        }
    }

    /** What one block adds to an otherwise empty document. */
    private static String added(Function<Document, String> writer, Block block) {
        String empty = writer.apply(new Document("Title", null));
        String page = writer.apply(new Document("Title", null).add(block));
        int head = 0;
        while (head < empty.length() && empty.charAt(head) == page.charAt(head)) {
            head++;
        }
        int tail = 0;
        while (tail < empty.length() - head && empty.charAt(empty.length() - 1 - tail) == page.charAt(page.length() - 1 - tail)) {
            tail++;
        }
        return page.substring(head, page.length() - tail);
    }

    /** A record of the kind with sample values: text is {@value #SAMPLE}, lists hold one element. */
    private static Object sample(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(components[i].getGenericType());
        }
        return record.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object value(Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> list = new ArrayList<>();
            list.add(value(p.getActualTypeArguments()[0]));
            return list;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return SAMPLE;
        }
        if (c == int.class) {
            return 1;
        }
        if (c == Tone.class) {
            return Tone.OK;
        }
        if (c == Inline.class) {
            return new Inline.Text(SAMPLE);
        }
        if (c.isRecord()) {
            return sample(c);
        }
        throw new IllegalStateException("no sample value for " + type + ": extend BlockKindsTest");
    }
}
