package dev.gameday.experiment.load.internal;

import dev.gameday.yaml.Fields;
import dev.gameday.text.TerminalText;
import dev.gameday.text.ToxiproxyNames;

/**
 * What a name may be. Proxy, step and probe names end up in Toxiproxy's URL paths (a proxy's own,
 * the toxic a step adds), so they follow {@link ToxiproxyNames} (a proxy named {@code ..} could never
 * be deleted). Other names and
 * one-line texts such as the title only need to be printable.
 */
final class Names {

    private Names() {}

    /** Reports at {@code key} when {@code name} (already read from it) cannot be used in a Toxiproxy URL. */
    static void checkAddressable(Fields f, String key, String name) {
        if (name == null) {
            return;
        }
        if (!ToxiproxyNames.usesAllowedCharacters(name)) {
            f.problem(key, "'" + name + "' may only use letters, digits, '_', '.' and '-'");
        } else if (name.length() > ToxiproxyNames.MAX_LENGTH) {
            f.problem(key, "'" + name + "' is " + name.length() + " characters long; a name has at most "
                    + ToxiproxyNames.MAX_LENGTH);
        } else if (ToxiproxyNames.dotted(name)) {
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
