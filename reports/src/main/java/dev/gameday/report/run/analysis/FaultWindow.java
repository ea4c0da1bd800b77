package dev.gameday.report.run.analysis;

import dev.gameday.journal.Detection;
import dev.gameday.journal.PathChecked;

/**
 * A fault as it happened: when it was injected and removed (epoch ms, {@code removedT} null if never
 * seen), how the steady state detected it, and whether its proxy was on the traffic path ({@code path}
 * null when the journal does not say).
 */
public record FaultWindow(String step, String proxy, String description, long injectedT, Long removedT, Detection detection,
        PathChecked path) {}
