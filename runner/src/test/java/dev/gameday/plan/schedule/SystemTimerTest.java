package dev.gameday.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The server's timer runs a task due now, and one due shortly, on its own thread. */
class SystemTimerTest {
    @Test
    void runsTasksAtTheirTime() {
        try (SystemTimer timer = new SystemTimer()) {
            CountDownLatch ran = new CountDownLatch(2);
            String[] thread = new String[1];
            timer.at(timer.now().minusSeconds(5), () -> {
                thread[0] = Thread.currentThread().getName();
                ran.countDown();
            });
            timer.at(timer.now().plusMillis(50), ran::countDown);
            await().atMost(Duration.ofSeconds(10)).until(() -> ran.getCount() == 0);
            assertThat(thread[0]).isEqualTo("gameday-scheduler");
        }
    }
}
