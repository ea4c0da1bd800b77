package dev.gameday.experiment;

import dev.gameday.experiment.internal.SecretPattern;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every secret value ({@code ${secret:NAME}}) in a text by {@code ***}: as written, and in
 * the usual encodings a program may have put it in (JSON-escaped, URL-encoded, base64, UTF-8 read as
 * Latin-1; see {@link SecretPattern}).
 */
public final class Redactor {
    public static final String MASK = "***";
    /**
     * The loader refuses shorter secrets: masking "abc" everywhere would mangle ordinary text. (This
     * class masks any non-empty value; base64 forms shorter than this are not looked for.)
     */
    public static final int MIN_SECRET_LENGTH = 4;
    public static final Redactor NONE = new Redactor(List.of());

    private final List<SecretPattern> secrets;

    private Redactor(List<SecretPattern> secrets) {
        this.secrets = secrets;
    }

    /** Empty values are ignored; longer secrets are replaced first so one containing another is fully hidden. */
    public static Redactor of(Collection<String> secrets) {
        return new Redactor(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(s -> SecretPattern.of(s, MIN_SECRET_LENGTH))
                .toList());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (SecretPattern secret : secrets) {
            out = secret.mask(out, MASK);
        }
        return out;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
