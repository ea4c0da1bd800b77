package dev.gameday.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OwnFailuresOnlyTest {
    @Test
    void anotherThreadsUncaughtExceptionDoesNotFailAnAwait() {
        Thread failing = new Thread(() -> {
            throw new IllegalStateException("a background thread of some other test");
        }, "failing-elsewhere");
        // Started from inside the wait, so its exception is thrown while Awaitility is waiting.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (failing.getState() == Thread.State.NEW) {
                failing.start();
            }
            return failing.getState() == Thread.State.TERMINATED;
        });
    }
}
