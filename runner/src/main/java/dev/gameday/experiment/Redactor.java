package dev.gameday.experiment;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replaces every secret value ({@code ${secret:NAME}}) in a text by {@code ***}. */
public final class Redactor {
    public static final String MASK = "***";
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Empty values are ignored; longer secrets are replaced first so one containing another is fully hidden. */
    public static Redactor of(Collection<String> secrets) {
        return new Redactor(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
