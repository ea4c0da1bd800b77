package dev.gameday.yaml;

import java.util.List;
import java.util.Map;

/** A YAML node with the 1-based line and column where it starts, so every problem can say where it is. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {
    int line();

    int column();

    /** How to name this kind of node in a message: "a mapping", "a list", "a value". */
    String kind();

    /** A key of a mapping, where it was written, and its value. */
    record Entry(String key, int line, int column, Node value) {}

    /** Keys in file order. */
    record MapNode(int line, int column, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(int line, int column, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A plain value as written (after variable substitution); {@code type} says how YAML read it. */
    record Scalar(int line, int column, String text, Type type) implements Node {
        public enum Type { STRING, NUMBER, BOOLEAN, NULL }

        public boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kind() {
            return isNull() ? "nothing (null)" : "a value";
        }
    }
}
