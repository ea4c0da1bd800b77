package dev.gameday.hypothesis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset probes need: {@code $} followed by {@code .name}, {@code ['name']} /
 * {@code ["name"]} and {@code [index]} steps, e.g. {@code $.items[0].stock}.
 */
public final class JsonPath {
    private final String text;
    private final List<Object> steps; // String: object field, Integer: array index

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying where it is wrong. */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw invalid(text, 0, "must start with '$'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw invalid(text, i, "empty field name");
                }
                steps.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(text, i, "missing ']'");
                }
                steps.add(bracket(text, i, text.substring(i + 1, close).strip()));
                i = close + 1;
            } else {
                throw invalid(text, i, "expected '.' or '['");
            }
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    private static Object bracket(String text, int at, String inside) {
        if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
            return inside.substring(1, inside.length() - 1);
        }
        try {
            int index = Integer.parseInt(inside);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(text, at, "expected an index >= 0 or a quoted name in brackets");
    }

    private static IllegalArgumentException invalid(String text, int at, String why) {
        return new IllegalArgumentException("invalid jsonPath '" + text + "' at character " + (at + 1) + ": " + why);
    }

    /** The node at this path, or a {@link MissingNode} when it does not exist. */
    public JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node;
    }

    /**
     * Checks the path against a parsed body: with {@code expected} null the value only has to exist;
     * otherwise it must equal {@code expected} as text (numbers compare by value). Returns null when
     * it holds, or why not.
     */
    public String mismatch(JsonNode root, String expected) {
        JsonNode node = select(root);
        if (node.isMissingNode()) {
            return text + " not found";
        }
        if (expected == null || equalsText(node, expected)) {
            return null;
        }
        return text + " is " + (node.isValueNode() ? node.asText() : node.toString()) + ", expected " + expected;
    }

    private static boolean equalsText(JsonNode node, String expected) {
        if (node.isNumber()) {
            try {
                return node.decimalValue().compareTo(new java.math.BigDecimal(expected.strip())) == 0;
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
}
