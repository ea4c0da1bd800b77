package dev.gameday.report.html;

/** Escaping for HTML text and attribute values (also valid in SVG). */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML-based SVG, nor C1 ones in HTML; drop them.
                    if ((c >= 0x20 || c == '\n' || c == '\t') && (c < 0x7F || c > 0x9F)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
