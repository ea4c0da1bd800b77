package dev.gameday.plan.internal;

import dev.gameday.yaml.Node;
import dev.gameday.yaml.Problems;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${secret:NAME}} and {@code ${env:NAME}} in a plan's webhook URLs, read from the environment.
 * Secret values are kept for the plan's redactor; one that is not set is a problem when a run needs it,
 * otherwise a warning, and the value is a placeholder (redacted too) that no webhook is sent to.
 */
final class PlanSecrets {
    private static final Pattern REF = Pattern.compile("\\$\\{(secret|env):([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String PLACEHOLDER = "unset-secret-";

    private final Map<String, String> env;
    private final boolean required;
    private final Problems problems;
    private final Set<String> values = new LinkedHashSet<>();

    PlanSecrets(Map<String, String> env, boolean required, Problems problems) {
        this.env = env;
        this.required = required;
        this.problems = problems;
    }

    String substitute(String text, Node at) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = env.get(name);
            boolean secret = m.group(1).equals("secret");
            if (value == null || value.isEmpty()) {
                String message = (secret ? "secret " : "environment variable ") + name + " is not set: export " + name;
                if (required) {
                    problems.add(at, message);
                } else {
                    problems.warn(at, message + " (no notification is sent to this webhook)");
                }
                value = PLACEHOLDER + name;
                values.add(value);
            } else if (secret) {
                values.add(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean isSecret(String raw) {
        return raw.contains("${secret:");
    }

    boolean placeholder(String value) {
        return value.contains(PLACEHOLDER);
    }

    Set<String> values() {
        return Set.copyOf(values);
    }
}
