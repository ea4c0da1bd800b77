package dev.gameday.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Vert.x and Netty log every reset connection as SEVERE, with a stack trace. During a chaos run that
 * is the fault doing its job, not news, so their logs are off unless {@code --verbose}. The loggers
 * are held here so the JDK cannot collect them (and forget the level).
 */
public final class QuietNetworkLogs {
    private static final List<Logger> HELD = List.of(Logger.getLogger("io.vertx"), Logger.getLogger("io.netty"));

    private QuietNetworkLogs() {}

    public static void apply(boolean verbose) {
        HELD.forEach(l -> l.setLevel(verbose ? Level.INFO : Level.OFF));
    }
}
