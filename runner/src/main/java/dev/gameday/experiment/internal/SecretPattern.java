package dev.gameday.experiment.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern that finds one secret in a text however it was written there: as it is, JSON-escaped,
 * URL-encoded ({@code %XX} in either case, {@code +} for a space), its UTF-8 bytes read as Latin-1
 * or Windows-1252, or base64 (standard and URL-safe, padded or not, whole or inside a longer encoded
 * text such as {@code Basic base64(user:secret)}). The textual forms are matched character by
 * character, so text that mixes encoders (one escapes {@code ~}, another does not) is found too.
 * ASCII letters and digits are only matched as they are (no encoder escapes them), which gives each
 * form a literal part to look for first: most texts hold no secret, and are passed over quickly.
 */
public final class SecretPattern {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Pattern pattern;
    /** Texts of which one appears in every match; null when the secret has no letter or digit. */
    private final List<String> anchors;

    private SecretPattern(Pattern pattern, List<String> anchors) {
        this.pattern = pattern;
        this.anchors = anchors;
    }

    /** The pattern of {@code secret}; base64 fragments shorter than {@code minLength} are left out. */
    public static SecretPattern of(String secret, int minLength) {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(textual(secret));
        Set<String> base64 = base64(secret.getBytes(StandardCharsets.UTF_8), minLength);
        base64.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .forEach(alternatives::add);
        String literal = longestAlphanumericRun(secret);
        List<String> anchors = null;
        if (!literal.isEmpty()) {
            // every base64 form holds one of the fragments, or is the whole encoding (which holds the first)
            Set<String> all = new LinkedHashSet<>(List.of(literal));
            base64.stream().filter(b -> base64.stream().noneMatch(o -> !o.equals(b) && b.contains(o))).forEach(all::add);
            anchors = List.copyOf(all);
        }
        return new SecretPattern(Pattern.compile(String.join("|", alternatives)), anchors);
    }

    /** {@code text} with every form of the secret replaced by {@code mask}. */
    public String mask(String text, String mask) {
        if (anchors != null && anchors.stream().noneMatch(text::contains)) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(mask));
    }

    private static String longestAlphanumericRun(String secret) {
        String longest = "";
        for (String run : secret.split("[^A-Za-z0-9]+")) {
            if (run.length() > longest.length()) {
                longest = run;
            }
        }
        return longest;
    }

    private static String textual(String secret) {
        StringBuilder out = new StringBuilder();
        secret.codePoints().forEach(c -> out.append(character(c)));
        return out.toString();
    }

    /** Every way one character may be written: a group of alternatives. */
    private static String character(int c) {
        String literal = new String(Character.toChars(c));
        if (c < 0x80 && Character.isLetterOrDigit(c)) {
            return literal;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(Pattern.quote(literal));
        byte[] utf8 = literal.getBytes(StandardCharsets.UTF_8);
        StringBuilder percent = new StringBuilder();
        for (byte b : utf8) {
            percent.append('%').append(hex(b & 0xff, 2));
        }
        forms.add(percent.toString());
        if (c == ' ') {
            forms.add("\\+");
        }
        if (utf8.length > 1) {
            forms.add(Pattern.quote(new String(utf8, StandardCharsets.ISO_8859_1)));
            String cp1252 = new String(utf8, WINDOWS_1252);
            if (cp1252.indexOf('\uFFFD') < 0) {
                forms.add(Pattern.quote(cp1252));
            }
        }
        StringBuilder json = new StringBuilder();
        for (char unit : Character.toChars(c)) {
            json.append("\\\\u").append(hex(unit, 4));
        }
        forms.add(json.toString());
        String shortEscape = switch (c) {
            case '"' -> "\\\\\"";
            case '\\' -> "\\\\\\\\";
            case '/' -> "\\\\/";
            case '\n' -> "\\\\n";
            case '\r' -> "\\\\r";
            case '\t' -> "\\\\t";
            case '\b' -> "\\\\b";
            case '\f' -> "\\\\f";
            default -> null;
        };
        if (shortEscape != null) {
            forms.add(shortEscape);
        }
        return "(?:" + String.join("|", forms) + ")";
    }

    /** {@code value} as {@code digits} hex digits, each letter matching either case. */
    private static String hex(int value, int digits) {
        StringBuilder out = new StringBuilder();
        String text = String.format("%0" + digits + "x", value);
        for (char d : text.toCharArray()) {
            out.append(Character.isLetter(d) ? "[" + d + Character.toUpperCase(d) + "]" : String.valueOf(d));
        }
        return out.toString();
    }

    /**
     * The secret's base64 forms: its whole encoding, padded or not, and for each of the three
     * alignments it may have inside a longer encoded text, the characters that depend on its bytes
     * alone. Each in the standard and the URL-safe alphabet.
     */
    private static Set<String> base64(byte[] secret, int minLength) {
        Set<String> standard = new LinkedHashSet<>();
        String whole = Base64.getEncoder().encodeToString(secret);
        standard.add(whole);
        standard.add(whole.replace("=", ""));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + secret.length];
            System.arraycopy(secret, 0, shifted, offset, secret.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int from = (8 * offset + 5) / 6;
            int to = 8 * (offset + secret.length) / 6;
            if (to - from >= minLength) {
                standard.add(encoded.substring(from, to));
            }
        }
        Set<String> all = new LinkedHashSet<>(standard);
        standard.forEach(s -> all.add(s.replace('+', '-').replace('/', '_')));
        return all;
    }
}
