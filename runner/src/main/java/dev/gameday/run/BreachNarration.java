package dev.gameday.run;

import dev.gameday.journal.ToleranceChanged;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells the console when a tolerance stops holding over its window and when it holds again (only
 * after it had stopped: a tolerance that holds from the start is not news).
 */
final class BreachNarration {
    private final RunListener listener;
    private final Set<String> breached = new HashSet<>();

    BreachNarration(RunListener listener) {
        this.listener = listener;
    }

    void changed(ToleranceChanged change) {
        String key = change.probe() + " " + change.tolerance();
        if (!change.holds()) {
            listener.event("  ! " + key + " " + change.observedText() + " over its window, outside "
                    + change.expected() + " (" + change.phase() + ")");
            breached.add(key);
        } else if (breached.remove(key)) {
            listener.event("  " + key + " holds again (" + change.observedText() + ", " + change.expected() + ")");
        }
    }
}
