package dev.gameday.room;

import java.nio.file.Path;

/**
 * How the game-day room serves: the runs folder it shows, where it listens, and the token every
 * request that changes something (abort, notes) must carry; {@code readOnly} serves the pages without
 * the abort button and the notes boxes, and needs no token.
 */
public record RoomOptions(Path runsDir, String bind, int port, String token, boolean readOnly) {
    /** The header a request that changes something carries the token in. */
    public static final String TOKEN_HEADER = "X-Gameday-Token";

    public RoomOptions {
        if (!readOnly && (token == null || token.isBlank())) {
            throw new IllegalArgumentException("the abort button needs a token: give one with --abort-token-file or "
                    + "GAMEDAY_ABORT_TOKEN, or serve the room --read-only (no abort button, no notes)");
        }
        if (token != null && token.strip().length() < 12) {
            throw new IllegalArgumentException("the abort token is too short: use at least 12 characters");
        }
        token = token == null ? null : token.strip();
    }
}
