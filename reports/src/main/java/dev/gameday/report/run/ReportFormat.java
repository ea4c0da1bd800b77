package dev.gameday.report.run;

import java.util.Locale;

/** The files a run report can be written as. */
public enum ReportFormat {
    HTML("html", "report.html"), MARKDOWN("md", "report.md"), JUNIT("junit", "junit.xml");

    private final String key;
    private final String fileName;

    ReportFormat(String key, String fileName) {
        this.key = key;
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** {@code html}, {@code md} (or {@code markdown}), {@code junit}. */
    public static ReportFormat of(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.key.equals(k) || f.name().toLowerCase(Locale.ROOT).equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + key + "' (expected html, md or junit)");
    }
}
