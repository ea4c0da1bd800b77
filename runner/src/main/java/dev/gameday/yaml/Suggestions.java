package dev.gameday.yaml;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" hints: the closest allowed word by edit distance, when it is close enough. */
public final class Suggestions {
    private Suggestions() {}

    /** The hint for {@code word} among {@code allowed}: " (did you mean 'x'?)", or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> allowed) {
        String best = closest(word, allowed);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** For a reference to an undefined name: the did-you-mean hint, else the names that are defined. */
    public static String unknownName(String word, Collection<String> defined) {
        return hint(word, defined, "defined");
    }

    /** The did-you-mean hint, else " (label: every known word)"; "" when there is nothing to offer. */
    public static String hint(String word, Collection<String> known, String label) {
        String hint = didYouMean(word, known);
        return !hint.isEmpty() || known.isEmpty() ? hint : " (" + label + ": " + String.join(", ", known) + ")";
    }

    /** The allowed word closest to {@code word}, or null when none is close enough to be a typo. */
    public static String closest(String word, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerated = word.length() <= 3 ? 1 : word.length() <= 6 ? 2 : 3;
        return bestDistance <= tolerated ? best : null;
    }

    /** Optimal string alignment distance: Levenshtein where swapping two neighbours costs one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
