package dev.gameday.replay;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the facilitator asked for: the {@link Speed}, the part of the run to replay ({@code from} and
 * {@code to}, measured from the run start; {@code to} null for the end) and where to save notes (null:
 * notes are not saved).
 */
public record ReplayOptions(Speed speed, Duration from, Duration to, Path notes) {

    public ReplayOptions {
        from = from == null ? Duration.ZERO : from;
        if (to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("--to " + RunOffset.format(to.toMillis()) + " must come after --from "
                    + RunOffset.format(from.toMillis()));
        }
    }

    /** Options from command-line text; null {@code from}/{@code to} mean the whole run. */
    public static ReplayOptions parse(String speed, String from, String to, Path notes) {
        return new ReplayOptions(Speed.parse(speed), from == null ? null : RunOffset.parse(from),
                to == null ? null : RunOffset.parse(to), notes);
    }
}
