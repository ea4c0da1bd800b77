package dev.gameday.text;

import java.util.regex.Pattern;

/**
 * The names a Toxiproxy server can address again in its URL paths — so delete — for a proxy or a
 * toxic: 1 to {@value #MAX_LENGTH} characters from {@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}.
 * The embedded proxy refuses other names; experiment files are checked with the same rule.
 */
public final class ToxiproxyNames {
    public static final int MAX_LENGTH = 64;

    /** The rule, for error messages. */
    public static final String RULE = "1-64 characters from A-Z a-z 0-9 . _ -, and not . or ..";

    private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9._-]+");

    private ToxiproxyNames() {}

    public static boolean valid(String name) {
        return name != null && usesAllowedCharacters(name) && name.length() <= MAX_LENGTH && !dotted(name);
    }

    /** Only letters, digits, {@code _}, {@code .} and {@code -}, at least one of them. */
    public static boolean usesAllowedCharacters(String name) {
        return CHARACTERS.matcher(name).matches();
    }

    /** {@code .} or {@code ..}: in a URL path, this or the parent folder. */
    public static boolean dotted(String name) {
        return name.equals(".") || name.equals("..");
    }
}
