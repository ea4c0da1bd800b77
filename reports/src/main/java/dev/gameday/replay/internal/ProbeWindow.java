package dev.gameday.replay.internal;

import java.util.ArrayDeque;
import java.util.Locale;
import org.HdrHistogram.DoubleHistogram;

/**
 * A probe's recent samples: success ratio and p95 over a trailing window of journal time, and a
 * sparkline of the last few latencies. Samples arrive in time order.
 */
public final class ProbeWindow {
    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int SPARK_LENGTH = 16;

    private final String probe;
    private final long windowMs;
    private final ArrayDeque<Sample> window = new ArrayDeque<>();
    private final ArrayDeque<Double> recent = new ArrayDeque<>();

    public ProbeWindow(String probe, long windowMs) {
        this.probe = probe;
        this.windowMs = windowMs;
    }

    public void add(Sample sample) {
        window.addLast(sample);
        while (window.getFirst().t() <= sample.t() - windowMs) {
            window.removeFirst();
        }
        recent.addLast(sample.ms());
        if (recent.size() > SPARK_LENGTH) {
            recent.removeFirst();
        }
    }

    public String probe() {
        return probe;
    }

    public long windowMs() {
        return windowMs;
    }

    public int count() {
        return window.size();
    }

    public double successRatio() {
        return window.isEmpty() ? 1 : window.stream().filter(Sample::ok).count() / (double) window.size();
    }

    public double p95() {
        DoubleHistogram histogram = new DoubleHistogram(3);
        window.forEach(s -> histogram.recordValue(Math.max(s.ms(), 0.001)));
        return window.isEmpty() ? 0 : histogram.getValueAtPercentile(95);
    }

    public String sparkline() {
        double max = recent.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double ms : recent) {
            int bar = max <= 0 ? 0 : (int) Math.min(BARS.length() - 1, Math.floor(ms / max * BARS.length()));
            line.append(BARS.charAt(bar));
        }
        return line.toString();
    }

    /** The compact live line: {@code product-page  ok 98.3%  p95 455 ms  ▁▂▅▇}. */
    public String line(int nameWidth) {
        return String.format(Locale.ROOT, "%-" + nameWidth + "s  ok %6s  p95 %8s  %s",
                probe, Numbers.percent(successRatio()), Numbers.millis(p95()), sparkline());
    }

    /** What the window saw, for a summary: {@code product-page: 58 samples, 98.3% ok, p95 455 ms}. */
    public String summary() {
        return probe + ": " + count() + " samples, " + Numbers.percent(successRatio()) + " ok, p95 "
                + Numbers.millis(p95());
    }
}
