package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a sample line, nearly every line of a journal, from its bytes with Jackson's streaming parser
 * into the very tree {@link ObjectMapper#readTree} makes of it: the same node types, field order and,
 * for a field given twice, the last value in the first one's place. Going through the mapper costs
 * about twice as much per line (a String, a parser over its characters, a deserialization context),
 * and the parsing thread is what a report of a long run waits for.
 *
 * <p>It takes only what it reads exactly as the mapper would: an ASCII line (so that no UTF-8 decoding,
 * whose strictness differs between Jackson and the JDK, is involved) holding one flat JSON object that
 * begins with {@code "type":"sample"}, nothing but white space after it. Anything else (another kind of
 * event, a nested value, text that is not ASCII, damage of any sort) it leaves to the tree path, which
 * says what is wrong with the line.
 *
 * <p>One parser reads line after line: making one per line was a third of all a report's reading
 * allocated. It is Jackson's non-blocking parser, fed one line at a time, because that one can be fed
 * again; it is dropped after any line it did not finish at the end of an object, whose state would
 * otherwise run into the next line. Not thread-safe.
 */
final class SampleParser {
    /**
     * How much a parser reads before a new one takes over: its table of field names keeps every name
     * it met, and a hostile journal may hold endless ones (about 8,000 lines of samples).
     */
    static final long RENEW_AFTER_BYTES = 1 << 20;

    private final JsonFactory json;
    private final JsonNodeFactory nodes;
    /** The parser reading line after line, and what feeds it; null until a line needs one. */
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    /** Parses with the mapper's own factories, so its limits (lengths of numbers and text) hold alike. */
    SampleParser(ObjectMapper mapper) {
        this.json = mapper.getFactory();
        this.nodes = mapper.getNodeFactory();
    }

    /** The tree of the sample line {@code bytes[from, to)}; null when the line is not one it takes. */
    ObjectNode parse(byte[] bytes, int from, int to) {
        if (!ascii(bytes, from, to)) {
            return null;
        }
        try {
            ObjectNode sample = read(bytes, from, to);
            if (sample == null) {
                drop();
            }
            return sample;
        } catch (IOException damaged) {
            drop();
            return null;
        }
    }

    private ObjectNode read(byte[] bytes, int from, int to) throws IOException {
        long lineStart = parser == null ? 0 : parser.currentLocation().getByteOffset(); // all fed so far, all read
        if (parser == null || lineStart > RENEW_AFTER_BYTES) {
            drop();
            parser = json.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            lineStart = 0;
        }
        JsonParser p = parser;
        feeder.feedInput(bytes, from, to);
        if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextFieldName())
                || p.nextToken() != JsonToken.VALUE_STRING || !p.getText().equals("sample")) {
            return null;
        }
        ObjectNode sample = nodes.objectNode();
        sample.replace("type", nodes.textNode("sample"));
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonNode value = scalar(p, p.nextToken());
            if (value == null) {
                return null;
            }
            sample.replace(name, value);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            return null; // the line ended inside the object (NOT_AVAILABLE: the parser waits for more)
        }
        // Only white space may follow, or the mapper finds trailing tokens (FAIL_ON_TRAILING_TOKENS); checked
        // on the bytes, as a token the line cuts short would leave the parser waiting (NOT_AVAILABLE) too.
        int end = from + (int) (p.currentLocation().getByteOffset() - lineStart);
        return LineParser.blank(bytes, end, to) && p.nextToken() == JsonToken.NOT_AVAILABLE ? sample : null;
    }

    /** Forgets the parser, caught in the middle of a line; the next line gets a new one. */
    private void drop() {
        if (parser == null) {
            return;
        }
        try {
            parser.close(); // hands its buffers back to Jackson's pool
        } catch (IOException nothingToRelease) {
            // A parser of bytes in memory holds no resource that can fail to close.
        }
        parser = null;
        feeder = null;
    }

    /** A scalar as the mapper's tree holds it; null for an object or an array. */
    private JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> nodes.numberNode(p.getIntValue());
                case LONG -> nodes.numberNode(p.getLongValue());
                default -> nodes.numberNode(p.getBigIntegerValue());
            };
            // JSON text has no float or decimal marks: the mapper makes every fraction a double.
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> null; // also NOT_AVAILABLE: the line ended before the value
        };
    }

    private static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
