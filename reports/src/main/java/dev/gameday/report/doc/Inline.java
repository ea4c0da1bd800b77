package dev.gameday.report.doc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A run of text inside a paragraph or a table cell. Renderers escape every piece of text, so text
 * from experiment files can never become markup.
 */
public sealed interface Inline {
    record Text(String text) implements Inline {}

    record Strong(String text) implements Inline {}

    record Code(String text) implements Inline {}

    /**
     * Rendered as a link only for http(s)/mailto addresses and relative paths without a scheme (a plan's
     * report to its runs' reports); anything else is shown as plain text.
     */
    record Link(String text, String url) implements Inline {
        private static final Pattern SAFE = Pattern.compile("^(https?://|mailto:)[^\\s<>()\"'`]+$"
                + "|^[A-Za-z0-9_][A-Za-z0-9._/-]*$");

        /** Whether {@code url} may become a link (no {@code javascript:} or other schemes). */
        public boolean safe() {
            return url != null && SAFE.matcher(url).matches();
        }
    }

    /** A small coloured label such as PASS or FAIL. */
    record Badge(String text, Tone tone) implements Inline {}

    static Text text(String text) {
        return new Text(text == null ? "" : text);
    }

    static List<Inline> plain(String text) {
        return List.of(text(text));
    }
}
