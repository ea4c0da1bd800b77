package dev.gameday.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 */
final class SampleParser {
    private final JsonFactory json;
    private final JsonNodeFactory nodes;

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
        try (JsonParser p = json.createParser(bytes, from, to - from)) {
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
            // The object has ended (nextFieldName is null only there, or it throws); the mapper refuses
            // trailing tokens (DeserializationFeature.FAIL_ON_TRAILING_TOKENS).
            return p.nextToken() == null ? sample : null;
        } catch (IOException damaged) {
            return null;
        }
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
            default -> null;
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
