package dev.gameday.yaml;

import dev.gameday.experiment.Durations;
import dev.gameday.yaml.Node.Scalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one mapping of a YAML file, read with located checks. Creating it reports every key
 * that is not allowed there (with a did-you-mean hint); each getter reports a missing or mistyped value
 * and returns null (or the default) so reading goes on and every problem is found in one pass.
 * A misspelt key is read as the key it was taken for, and an unknown choice as its closest allowed
 * value, so the problems behind a typo are found in the same pass.
 * {@code path} (e.g. {@code steadyState.probes[0]}) prefixes every message.
 */
public final class Fields {
    private final Node.MapNode map;
    private final String path;
    private final Problems problems;
    /** Allowed keys that a misspelt key was taken for, and that key's entry: read in its place. */
    private final Map<String, Node.Entry> misspelt = new HashMap<>();
    /** True when the node was not a mapping at all: that is the one problem to report. */
    private boolean notMapping;

    private Fields(Node.MapNode map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, which must be a mapping; keys outside {@code allowed} are reported. */
    public static Fields of(Node node, String path, Collection<String> allowed, Problems problems) {
        if (!(node instanceof Node.MapNode map)) {
            problems.add(node, path + ": expected a mapping, found " + node.kind());
            Fields empty = new Fields(new Node.MapNode(node.line(), node.column(), Map.of()), path, problems);
            empty.notMapping = true;
            return empty;
        }
        Fields fields = new Fields(map, path, problems);
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String closest = problems.overwhelmed() ? null : Suggestions.closest(e.key(), allowed);
                if (closest != null && !map.entries().containsKey(closest)) {
                    fields.misspelt.putIfAbsent(closest, e);
                }
                problems.add(e.line(), e.column(), (path.isEmpty() ? "" : path + ": ") + "unknown key '" + e.key() + "'"
                        + (closest == null ? " (allowed here: " + String.join(", ", allowed) + ")"
                                : " (did you mean '" + closest + "'?)"));
            }
        }
        return fields;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Problems problems() {
        return problems;
    }

    /** The mapping itself: where to report something missing from it. */
    public Node at() {
        return map;
    }

    /** The value under {@code key} (or under a misspelling of it), or null when absent or written as null. */
    public Node node(String key) {
        Node.Entry e = map.entries().containsKey(key) ? map.entries().get(key) : misspelt.get(key);
        return e == null || e.value() instanceof Scalar s && s.isNull() ? null : e.value();
    }

    public boolean has(String key) {
        return node(key) != null;
    }

    /** Reports {@code message} at the value of {@code key} (or at the mapping when absent). */
    public void problem(String key, String message) {
        Node n = node(key);
        problems.add(n == null ? map : n, path(key) + ": " + message);
    }

    public void missing(String key, String what) {
        if (notMapping || misspelt.containsKey(key)) {
            return;
        }
        problems.add(map, path(key) + " is required" + (what.isEmpty() ? "" : ": " + what));
    }

    public String string(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s) {
            return s.text();
        }
        problems.add(n, path(key) + ": expected a single value, found " + n.kind());
        return null;
    }

    public String requiredString(String key, String what) {
        String s = string(key);
        if (s == null && !has(key)) {
            missing(key, what);
        } else if (s != null && s.isBlank()) {
            problem(key, "must not be empty");
            return null;
        }
        return s;
    }

    /**
     * One of {@code allowed} (case-insensitive, returned as written in {@code allowed}), or {@code dflt}
     * when absent. Any other value is reported, and its closest allowed value (or null) returned.
     */
    public String choice(String key, Collection<String> allowed, String dflt) {
        String s = string(key);
        if (s == null) {
            return has(key) ? null : dflt;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s.strip())) {
                return a;
            }
        }
        String guess = Suggestions.closest(s.strip(), allowed);
        problem(key, "'" + s + "' is not one of " + String.join(", ", allowed)
                + (guess == null ? "" : " (did you mean '" + guess + "'?)"));
        return guess;
    }

    public Duration duration(String key, Duration dflt) {
        return parsed(key, dflt, Durations::parse);
    }

    /** A duration above zero; {@code dflt} when absent, null (reported) when missing and {@code dflt} is null. */
    public Duration positiveDuration(String key, Duration dflt) {
        if (dflt == null && !has(key)) {
            missing(key, "a duration such as 30s");
            return null;
        }
        Duration d = duration(key, dflt);
        if (d != null && d.isZero()) {
            problem(key, "must be longer than 0");
            return null;
        }
        return d;
    }

    public Double number(String key, Double dflt) {
        return parsed(key, dflt, text -> {
            try {
                double d = Double.parseDouble(text.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "' is not a number");
        });
    }

    public Long integer(String key, Long dflt) {
        return parsed(key, dflt, text -> {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
        });
    }

    /** The value under {@code key} read by {@code parse}, whose {@link IllegalArgumentException} is the problem. */
    private <T> T parsed(String key, T dflt, java.util.function.Function<String, T> parse) {
        String s = string(key);
        if (s == null) {
            return has(key) ? null : dflt;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    /** The items of a list (empty when absent); a single value is reported, not promoted. */
    public List<Node> list(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof Node.ListNode l) {
            return l.items();
        }
        problem(key, "expected a list, found " + n.kind());
        return List.of();
    }

    /** A list of single values; a lone value is accepted as a list of one. */
    public List<String> strings(String key) {
        return values(key).stream().map(Scalar::text).toList();
    }

    /** Like {@link #strings}, keeping where each value is. */
    public List<Scalar> values(String key) {
        if (node(key) instanceof Scalar s) {
            return List.of(s);
        }
        List<Scalar> out = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Scalar s && !s.isNull()) {
                out.add(s);
            } else {
                problems.add(items.get(i), path(key) + "[" + i + "]: expected a single value, found " + items.get(i).kind());
            }
        }
        return out;
    }

    /** The fields of the mapping under {@code key}, or null when absent. */
    public Fields fields(String key, Collection<String> allowed) {
        Node n = node(key);
        return n == null ? null : of(n, path(key), allowed, problems);
    }

    /** The entries of a free-form mapping of name to value (headers, attributes). */
    public Map<String, Node.Entry> entries(String key) {
        Node n = node(key);
        if (n == null) {
            return Map.of();
        }
        if (n instanceof Node.MapNode m) {
            return m.entries();
        }
        problem(key, "expected a mapping, found " + n.kind());
        return Map.of();
    }

    /** Reports every one of {@code keys} that is present: it does not belong with {@code reason}. */
    public void forbid(Collection<String> keys, String reason) {
        for (String k : keys) {
            if (map.entries().containsKey(k)) {
                Node.Entry e = map.entries().get(k);
                problems.add(e.line(), e.column(), path(k) + ": not allowed " + reason);
            }
        }
    }
}
