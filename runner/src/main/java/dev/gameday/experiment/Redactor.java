package dev.gameday.experiment;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces every secret value in a text by {@code ***}, so secrets never reach journals or reports. */
public final class Redactor {
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor of(Collection<String> secrets) {
        // Longest first, so a secret that contains another one is replaced whole.
        return new Redactor(secrets.stream()
                .filter(s -> s != null && !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
