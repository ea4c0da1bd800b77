package dev.gameday.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The child processes a test starts, killed after the test if they still run (register with @RegisterExtension). */
public final class ChildProcesses implements AfterEachCallback {
    private final List<Process> started = new ArrayList<>();

    /** Keeps {@code p} to kill after the test; returns it. */
    public Process add(Process p) {
        started.add(p);
        return p;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        started.clear();
    }
}
