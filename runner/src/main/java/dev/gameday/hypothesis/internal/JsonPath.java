package dev.gameday.hypothesis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.math.BigDecimal;

/**
 * A JSONPath of an HTTP probe's {@code expect.jsonPath}, in full (Jayway JsonPath over Jackson trees):
 * {@code $.items[0].stock}, {@code $..status}, {@code $.items[?(@.stock < 5)].id}, {@code $.items.length()}.
 * A path with wildcards, deep scans or filters selects a list: it exists when the list is not empty,
 * and it equals {@code jsonEquals} when one of its values does.
 */
public final class JsonPath {
    private final String text;
    private final com.jayway.jsonpath.JsonPath path;

    private JsonPath(String text, com.jayway.jsonpath.JsonPath path) {
        this.text = text;
        this.path = path;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("invalid jsonPath '" + text + "': it must start with '$', e.g. $.status");
        }
        try {
            return new JsonPath(text, com.jayway.jsonpath.JsonPath.compile(text));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid jsonPath '" + text + "': " + e.getMessage());
        }
    }

    /** The node at this path (a list for an indefinite path), or a {@link MissingNode} when it does not exist. */
    public JsonNode select(JsonNode root) {
        try {
            // Functions (length(), sum()…) answer plain Java values rather than nodes.
            Object value = path.read(root, Evaluation.JACKSON);
            return value == null ? MissingNode.getInstance()
                    : value instanceof JsonNode node ? node : Evaluation.NODES.valueToTree(value);
        } catch (PathNotFoundException e) {
            return MissingNode.getInstance();
        } catch (RuntimeException e) {
            // A function over the wrong kind of value (length() of a number…) selects nothing.
            return MissingNode.getInstance();
        }
    }

    /**
     * Checks the path against a parsed body: with {@code expected} null the value only has to exist;
     * otherwise it must equal {@code expected} as text (numbers compare by value). Returns null when
     * it holds, or why not.
     */
    public String mismatch(JsonNode root, String expected) {
        JsonNode node = select(root);
        boolean list = !path.isDefinite();
        if (node.isMissingNode() || list && node.isEmpty()) {
            return text + " not found";
        }
        if (expected == null) {
            return null;
        }
        if (list) {
            for (JsonNode item : node) {
                if (equalsText(item, expected)) {
                    return null;
                }
            }
        } else if (equalsText(node, expected)) {
            return null;
        }
        return text + " is " + (node.isValueNode() ? node.asText() : node.toString()) + ", expected " + expected;
    }

    private static boolean equalsText(JsonNode node, String expected) {
        if (node.isNumber()) {
            try {
                return node.decimalValue().compareTo(new BigDecimal(expected.strip())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return (node.isValueNode() ? node.asText() : node.toString()).equals(expected);
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Created at the first evaluation, not when {@code validate} parses a path: the first ObjectMapper
     * of a process costs a cold start ~30 ms (Jackson, and the JDK's locale data for its date format).
     */
    private static final class Evaluation {
        static final Configuration JACKSON = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider())
                .mappingProvider(new JacksonMappingProvider())
                .build();
        static final ObjectMapper NODES = new ObjectMapper();
    }
}
