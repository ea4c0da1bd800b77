package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Suggestions;
import dev.gameday.yaml.Problems;
import dev.gameday.yaml.YamlTreeReader;
import dev.gameday.yaml.Node;
import dev.gameday.experiment.Redactor;
import dev.gameday.experiment.load.SecretPolicy;
import dev.gameday.yaml.Node.Scalar;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Substitutes {@code ${env:NAME}}, {@code ${env:NAME:-default}}, {@code ${var.NAME}} and
 * {@code ${secret:NAME}} in every value of the tree ({@code $${} writes a literal {@code ${}).
 * {@code ${var.NAME}} comes from {@code --var NAME=value} (taken literally) or else from the file's
 * {@code vars} block (which may itself use variables); secrets come from the environment and are
 * remembered so they can be redacted. Expansion is bounded, so a small file cannot grow into a
 * huge one: variables nest at most {@link #MAX_DEPTH} deep, one value expands to at most
 * {@link #MAX_VALUE_CHARS} characters, and all of them together to at most {@link #MAX_TOTAL_CHARS}.
 */
public final class Variables {
    public static final int MAX_DEPTH = 16;
    public static final int MAX_VALUE_CHARS = 64 * 1024;
    public static final int MAX_TOTAL_CHARS = YamlTreeReader.MAX_BYTES;

    private final Problems problems;
    private final Map<String, String> env;
    private final Map<String, String> cliVars;
    private final SecretPolicy secretPolicy;
    private final Map<String, Scalar> fileVars = new LinkedHashMap<>();
    private final Map<String, String> resolved = new LinkedHashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> unsetSecrets = new HashSet<>();
    /** Aliased subtrees are the same nodes: each is substituted (and counted) once. */
    private final Map<Node, Node> substituted = new IdentityHashMap<>();
    private long expanded;
    private boolean overBudget;
    /** Once one chain of variables is too deep, the others (often the same chain, entered lower) fail silently. */
    private boolean tooDeep;

    public Variables(Node.MapNode root, Map<String, String> cliVars, Map<String, String> env,
            SecretPolicy secretPolicy, Problems problems) {
        this.problems = problems;
        this.env = env;
        this.cliVars = cliVars;
        this.secretPolicy = secretPolicy;
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

    /**
     * The texts to redact: the values read with {@code ${secret:NAME}} so far, and the placeholders
     * that stand for secrets that are not set or were refused.
     */
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
        Node done = substituted.get(node);
        if (done != null) {
            return done;
        }
        Node result;
        if (node instanceof Node.MapNode m) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, e.line(), e.column(), substitute(e.value()))));
            result = new Node.MapNode(m.line(), m.column(), entries);
        } else if (node instanceof Node.ListNode l) {
            result = new Node.ListNode(l.line(), l.column(), l.items().stream().map(this::substitute).toList());
        } else {
            Scalar s = (Scalar) node;
            String text = s.type() == Scalar.Type.STRING && s.text().contains("${") ? interpolate(s) : null;
            result = text == null ? s : new Scalar(s.line(), s.column(), text, Scalar.Type.STRING);
        }
        substituted.put(node, result);
        return result;
    }

    /** The text of {@code s} with its variables expanded, or null after recording why it has none. */
    private String interpolate(Scalar s) {
        if (overBudget) {
            return null;
        }
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
                return null;
            }
            out.append(text, i, start);
            String value = expand(text.substring(start + 2, end), s);
            if (value == null || !fits(out, value, s)) {
                return null;
            }
            out.append(value);
            i = end + 1;
        }
        expanded += out.length();
        return out.toString();
    }

    /** Whether {@code value} may be appended to {@code out}; records the problem when not. */
    private boolean fits(StringBuilder out, String value, Scalar at) {
        if ((long) out.length() + value.length() > MAX_VALUE_CHARS) {
            problems.add(at, "this value expands to more than " + MAX_VALUE_CHARS / 1024 + " KiB through its variables;"
                    + " a value may be at most " + MAX_VALUE_CHARS / 1024 + " KiB");
            return false;
        }
        if (expanded + out.length() + value.length() > MAX_TOTAL_CHARS) {
            overBudget = true;
            problems.add(at, "variables expand the file to more than " + MAX_TOTAL_CHARS / (1024 * 1024)
                    + " MiB of text; refusing it");
            return false;
        }
        return true;
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
            return secret(expr.substring(7), at);
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

    /**
     * The secret's value; a placeholder (redacted like a secret, so nothing downstream trips over a
     * missing value) when it is not set or too short to redact safely.
     */
    private String secret(String name, Scalar at) {
        String value = env.get(name);
        String placeholder = "unset-secret-" + name;
        if (value == null || value.isEmpty()) {
            if (secretPolicy == SecretPolicy.REQUIRED) {
                problems.add(at, "secret " + name + " is not set: export " + name + " in the environment");
            } else if (unsetSecrets.add(name)) {
                problems.warn(at, "secret " + name + " is not set (not needed to check the file; export " + name
                        + " before running it)");
            }
            secrets.add(placeholder);
            return placeholder;
        }
        if (value.codePointCount(0, value.length()) < Redactor.MIN_SECRET_LENGTH) {
            problems.add(at, "secret " + name + " is shorter than " + Redactor.MIN_SECRET_LENGTH + " characters:"
                    + " a value that short cannot be masked in messages without mangling them; use a longer one");
            secrets.add(placeholder);
            return placeholder;
        }
        secrets.add(value);
        return value;
    }

    private Set<String> knownVars() {
        Set<String> known = new LinkedHashSet<>(fileVars.keySet());
        known.addAll(cliVars.keySet());
        return known;
    }

    /** The value of a variable, or null (the problem is recorded once, where it is). */
    private String var(String name) {
        if (cliVars.containsKey(name)) {
            return cliVars.get(name);
        }
        if (resolved.containsKey(name) || failed.contains(name)) {
            return resolved.get(name);
        }
        Scalar raw = fileVars.get(name);
        if (resolving.contains(name)) {
            problems.add(raw, "variable " + name + " refers to itself: " + String.join(" -> ", resolving) + " -> " + name);
            return null;
        }
        if (resolving.size() >= MAX_DEPTH) {
            if (!tooDeep) {
                problems.add(raw, "variables nest more than " + MAX_DEPTH + " levels deep ("
                        + String.join(" -> ", resolving) + " -> " + name + "); refusing them");
            }
            tooDeep = true;
            failed.add(name);
            return null;
        }
        resolving.add(name);
        try {
            String value = raw.text() != null && raw.text().contains("${") ? interpolate(raw) : raw.text();
            if (value == null) {
                failed.add(name);
            } else {
                resolved.put(name, value);
            }
            return value;
        } finally {
            resolving.remove(name);
        }
    }
}
