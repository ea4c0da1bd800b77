package dev.gameday.experiment.load.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" hints: the closest allowed word by Levenshtein distance, when it is close enough. */
public final class Suggestions {
    private Suggestions() {}

    /** The hint for {@code word} among {@code allowed}: " (did you mean 'x'?)", or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> allowed) {
        String best = closest(word, allowed);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** For a reference to an undefined name: the did-you-mean hint, else the names that are defined. */
    public static String unknownName(String word, Collection<String> defined) {
        String hint = didYouMean(word, defined);
        return !hint.isEmpty() || defined.isEmpty() ? hint : " (defined: " + String.join(", ", defined) + ")";
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
        int tolerated = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= tolerated ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
