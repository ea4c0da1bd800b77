package dev.gameday.proxy;

import java.util.regex.Pattern;

/**
 * The names a proxy or a toxic may have: 1–64 characters from {@code [A-Za-z0-9._-]}, not {@code .}
 * or {@code ..}. Anything else could not be addressed again in the API's URL paths (so never deleted).
 * The embedded proxy refuses other names; experiment files are checked with the same rule.
 */
public final class ProxyNames {

    /** The rule, for error messages. */
    public static final String RULE = "1-64 characters from A-Z a-z 0-9 . _ -, and not . or ..";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ProxyNames() {}

    public static boolean valid(String name) {
        return name != null && ALLOWED.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }
}
