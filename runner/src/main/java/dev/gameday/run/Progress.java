package dev.gameday.run;

import dev.gameday.text.TerminalText;
import java.io.PrintStream;

/**
 * The terminal side of a run. Events (phase changes, faults, tolerance changes, aborts) are printed
 * as lines. The status line (phase, step, time left, probes, abort conditions) is redrawn in place on
 * a terminal, and printed every few seconds as a plain line otherwise (not a TTY, or --no-progress).
 */
final class Progress {
    static final long PLAIN_STATUS_EVERY_MS = 5000;

    private final PrintStream out;
    private final boolean live;
    private boolean statusShown;
    private long lastPlainStatus;

    Progress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** How often the engine should call {@link #status}. */
    long refreshMs() {
        return live ? 250 : 1000;
    }

    synchronized void event(String line) {
        clearStatus();
        out.println(TerminalText.safe(line));
        out.flush();
    }

    synchronized void status(long now, String line) {
        if (live) {
            out.print("\r\u001b[2K" + TerminalText.safe(line));
            statusShown = true;
        } else if (now - lastPlainStatus >= PLAIN_STATUS_EVERY_MS) {
            out.println("  · " + TerminalText.safe(line));
            lastPlainStatus = now;
        }
        out.flush();
    }

    /** Removes the live status line (the run is over, or a line is about to be printed). */
    synchronized void clearStatus() {
        if (statusShown) {
            out.print("\r\u001b[2K");
            statusShown = false;
        }
    }
}
