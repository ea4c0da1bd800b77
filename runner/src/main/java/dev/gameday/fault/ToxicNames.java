package dev.gameday.fault;

import dev.gameday.text.ToxiproxyNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the toxics a run adds: {@code gd-<first 8 characters of the run id>-<step>}. The prefix
 * lets crash recovery find a toxic whose injection the journal never recorded. A name fits the
 * {@value #MAX_LENGTH} characters a Toxiproxy-compatible server addresses: a long step name is cut,
 * and the cut is told apart by a short hash of the whole name (step names are unique, so are these).
 */
public final class ToxicNames {
    static final int MAX_LENGTH = ToxiproxyNames.MAX_LENGTH;
    private static final int HASH_LENGTH = 8;

    private ToxicNames() {}

    public static String prefix(String runId) {
        return "gd-" + runId.substring(0, Math.min(8, runId.length())) + "-";
    }

    public static String of(String runId, String step) {
        String name = prefix(runId) + step;
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = sha256(step).substring(0, HASH_LENGTH);
        return name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
