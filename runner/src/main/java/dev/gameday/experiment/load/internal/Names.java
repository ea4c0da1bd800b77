package dev.gameday.experiment.load.internal;

import dev.gameday.text.TerminalText;
import java.util.regex.Pattern;

/**
 * What a name may be. Proxy, step and probe names end up in Toxiproxy's URL paths (a proxy's own,
 * the toxic a step adds), so they are 1 to {@link #MAX_LENGTH} of {@code [A-Za-z0-9._-]} and not
 * {@code .} or {@code ..} (a proxy named {@code ..} could never be deleted). Other names and
 * one-line texts such as the title only need to be printable.
 */
final class Names {
    static final int MAX_LENGTH = 64;
    private static final Pattern ADDRESSABLE = Pattern.compile("[A-Za-z0-9._-]+");

    private Names() {}

    /** Reports at {@code key} when {@code name} (already read from it) cannot be used in a Toxiproxy URL. */
    static void checkAddressable(Fields f, String key, String name) {
        if (name == null) {
            return;
        }
        if (!ADDRESSABLE.matcher(name).matches()) {
            f.problem(key, "'" + name + "' may only use letters, digits, '_', '.' and '-'");
        } else if (name.length() > MAX_LENGTH) {
            f.problem(key, "'" + name + "' is " + name.length() + " characters long; a name has at most " + MAX_LENGTH);
        } else if (name.equals(".") || name.equals("..")) {
            f.problem(key, "'" + name + "' cannot be a name: in a URL path it means this or the parent folder");
        }
    }

    /** Reports at {@code key} when {@code text} (already read from it, e.g. a title) holds a control character. */
    static void checkPrintable(Fields f, String key, String text) {
        if (text != null && !TerminalText.isPrintable(text.strip())) {
            f.problem(key, "'" + text.strip() + "' holds control characters (such as escape sequences or line breaks):"
                    + " write one line of printable text");
        }
    }
}
