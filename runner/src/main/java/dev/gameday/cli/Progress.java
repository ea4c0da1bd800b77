package dev.gameday.cli;

import dev.gameday.run.RunListener;
import dev.gameday.run.RunStatus;
import dev.gameday.text.TerminalText;
import dev.gameday.text.Units;
import java.io.PrintStream;

/**
 * The terminal side of a run. Events (phase changes, faults, tolerance changes, aborts) are printed
 * as lines. The status line (phase, step, time left, probes, abort conditions) is redrawn in place on
 * a terminal, and printed every few seconds as a plain line otherwise (not a TTY, or --no-progress).
 */
final class Progress implements RunListener {
    static final long PLAIN_STATUS_EVERY_MS = 5000;

    private final PrintStream out;
    private final boolean live;
    private boolean statusShown;
    private long lastPlainStatus;

    Progress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public long statusEveryMs() {
        return live ? 250 : 1000;
    }

    @Override
    public synchronized void event(String line) {
        ending();
        out.println(TerminalText.safe(line));
        out.flush();
    }

    @Override
    public synchronized void status(RunStatus status) {
        long now = System.currentTimeMillis();
        if (live) {
            out.print("\r\u001b[2K" + TerminalText.safe(line(status)));
            statusShown = true;
        } else if (now - lastPlainStatus >= PLAIN_STATUS_EVERY_MS) {
            out.println("  · " + TerminalText.safe(line(status)));
            lastPlainStatus = now;
        }
        out.flush();
    }

    /** Removes the live status line (the run is over, or a line is about to be printed). */
    @Override
    public synchronized void ending() {
        if (statusShown) {
            out.print("\r\u001b[2K");
            statusShown = false;
        }
    }

    static String line(RunStatus s) {
        StringBuilder b = new StringBuilder(s.phase()).append(' ').append(Units.seconds(s.leftMs())).append(" left");
        if (!s.steps().isEmpty()) {
            b.append(" · step ").append(String.join("+", s.steps()));
        }
        for (RunStatus.ProbeNow p : s.probes()) {
            b.append(" · ").append(p.name()).append(" success ").append(Units.percent(p.successRatio()));
            b.append(p.value() != null ? " value " + p.value() : " p95 " + Units.latency(p.p95Ms()));
        }
        for (RunStatus.AbortNow a : s.aborts()) {
            b.append(" · abort ").append(a.name()).append(a.armed() ? " armed" : " idle")
                    .append(" (trips at ").append(a.metric()).append(' ').append(a.expected()).append(" for ")
                    .append(Units.duration(a.sustainedMs())).append(')');
        }
        return b.toString();
    }
}
