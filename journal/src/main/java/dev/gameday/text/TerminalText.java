package dev.gameday.text;

/**
 * User text made safe to print on a terminal: every control character is shown escaped, so a title,
 * a file name or a probe's output cannot move the cursor, clear the screen, rename the window or
 * forge a line. ESC is {@code \e}, tab, newline and carriage return are {@code \t}, {@code \n} and
 * {@code \r}, any other control character is {@code \}{@code uXXXX}. Printable Unicode is unchanged,
 * and so is text that is already safe ({@code safe(safe(s))} is {@code safe(s)}).
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code text} with its control characters escaped; null stays null. */
    public static String safe(String text) {
        if (text == null || isPrintable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!isControl(c)) {
                out.appendCodePoint(c);
            } else if (c == 0x1b) {
                out.append("\\e");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** True when {@code text} has no character that {@link #safe} would escape. */
    public static boolean isPrintable(String text) {
        return text.codePoints().noneMatch(TerminalText::isControl);
    }

    /**
     * C0 and C1 controls and DEL, the characters that reorder text on screen (bidirectional
     * embeddings, overrides and isolates), line and paragraph separators, and lone surrogates.
     */
    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069
                || c == 0x200e || c == 0x200f || c == 0x061c
                || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE;
    }
}
