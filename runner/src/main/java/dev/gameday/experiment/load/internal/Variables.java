package dev.gameday.experiment.load.internal;

import dev.gameday.experiment.load.internal.Node.Scalar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Substitutes {@code ${env:NAME}}, {@code ${env:NAME:-default}}, {@code ${var.NAME}} and
 * {@code ${secret:NAME}} in every value of the tree ({@code $${} writes a literal {@code ${}).
 * {@code ${var.NAME}} comes from {@code --var NAME=value} (taken literally) or else from the file's
 * {@code vars} block (which may itself use variables); secrets come from the environment and are
 * remembered so they can be redacted.
 */
public final class Variables {
    private final Problems problems;
    private final Map<String, String> env;
    private final Map<String, String> cliVars;
    private final Map<String, Scalar> fileVars = new LinkedHashMap<>();
    private final Map<String, String> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    public Variables(Node.MapNode root, Map<String, String> cliVars, Map<String, String> env, Problems problems) {
        this.problems = problems;
        this.env = env;
        this.cliVars = cliVars;
        Node.Entry vars = root.entries().get("vars");
        if (vars == null || vars.value() instanceof Scalar s && s.isNull()) {
            return;
        }
        if (!(vars.value() instanceof Node.MapNode map)) {
            problems.add(vars.value(), "vars: expected a mapping of name: value, found " + vars.value().kind());
            return;
        }
        for (Node.Entry e : map.entries().values()) {
            if (!e.key().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                problems.add(e.line(), e.column(), "vars: '" + e.key()
                        + "' is not a valid variable name (letters, digits, _, . and -, starting with a letter)");
            } else if (e.value() instanceof Scalar s && !s.isNull()) {
                fileVars.put(e.key(), s);
            } else {
                problems.add(e.value(), "vars." + e.key() + ": expected a single value, found " + e.value().kind());
            }
        }
    }

    /** Every variable's value: the file's, overridden by the command line's. */
    public Map<String, String> values() {
        Map<String, String> all = new LinkedHashMap<>();
        fileVars.keySet().forEach(name -> {
            String value = var(name);
            if (value != null) {
                all.put(name, value);
            }
        });
        cliVars.forEach(all::put);
        return all;
    }

    /** The values read with {@code ${secret:NAME}} so far. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /** The tree with every value substituted, but for the {@code vars} block (see {@link #values()}). */
    public Node.MapNode substitute(Node.MapNode top) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        top.entries().forEach((k, e) -> entries.put(k, k.equals("vars") ? e
                : new Node.Entry(k, e.line(), e.column(), substitute(e.value()))));
        return new Node.MapNode(top.line(), top.column(), entries);
    }

    /** A value with a problem is kept as written. */
    private Node substitute(Node node) {
        if (node instanceof Node.MapNode m) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, e.line(), e.column(), substitute(e.value()))));
            return new Node.MapNode(m.line(), m.column(), entries);
        }
        if (node instanceof Node.ListNode l) {
            return new Node.ListNode(l.line(), l.column(), l.items().stream().map(this::substitute).toList());
        }
        Scalar s = (Scalar) node;
        return s.type() == Scalar.Type.STRING && s.text().contains("${")
                ? new Scalar(s.line(), s.column(), interpolate(s), Scalar.Type.STRING)
                : s;
    }

    private String interpolate(Scalar s) {
        String text = s.text();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '$') {
                out.append(text, i, start - 1).append("${");
                i = start + 2;
                continue;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                problems.add(s, "unterminated '${' in '" + text + "' (write $${ for a literal ${)");
                return text;
            }
            out.append(text, i, start);
            String value = expand(text.substring(start + 2, end), s);
            if (value == null) {
                return text;
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }

    /** The value of one {@code ${...}} expression, or null after recording why there is none. */
    private String expand(String expr, Scalar at) {
        if (expr.startsWith("env:")) {
            String spec = expr.substring(4);
            int dflt = spec.indexOf(":-");
            String name = dflt < 0 ? spec : spec.substring(0, dflt);
            String value = env.get(name);
            if (value != null) {
                return value;
            }
            if (dflt >= 0) {
                return spec.substring(dflt + 2);
            }
            problems.add(at, "environment variable " + name + " is not set (write ${env:" + name
                    + ":-default} to give a default)");
            return null;
        }
        if (expr.startsWith("secret:")) {
            String name = expr.substring(7);
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                problems.add(at, "secret " + name + " is not set: export " + name + " in the environment");
                return null;
            }
            secrets.add(value);
            return value;
        }
        if (expr.startsWith("var.")) {
            String name = expr.substring(4);
            if (cliVars.containsKey(name) || fileVars.containsKey(name)) {
                return var(name);
            }
            problems.add(at, "unknown variable ${var." + name + "}: define it under vars: or pass --var "
                    + name + "=VALUE" + Suggestions.didYouMean(name, knownVars()));
            return null;
        }
        String closest = Suggestions.closest(expr, knownVars());
        String hint = closest == null ? "" : " (did you mean ${var." + closest + "}?)";
        problems.add(at, "unknown variable ${" + expr + "}: write ${env:NAME}, ${env:NAME:-default}, ${var.NAME}"
                + " or ${secret:NAME}" + hint);
        return null;
    }

    private Set<String> knownVars() {
        Set<String> known = new LinkedHashSet<>(fileVars.keySet());
        known.addAll(cliVars.keySet());
        return known;
    }

    private String var(String name) {
        if (cliVars.containsKey(name)) {
            return cliVars.get(name);
        }
        String done = resolved.get(name);
        if (done != null) {
            return done;
        }
        Scalar raw = fileVars.get(name);
        if (!resolving.add(name)) {
            problems.add(raw, "variable " + name + " refers to itself: " + String.join(" -> ", resolving) + " -> " + name);
            return null;
        }
        try {
            String value = raw.text() != null && raw.text().contains("${") ? interpolate(raw) : raw.text();
            resolved.put(name, value);
            return value;
        } finally {
            resolving.remove(name);
        }
    }
}
