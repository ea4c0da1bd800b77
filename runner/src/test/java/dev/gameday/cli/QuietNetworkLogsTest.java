package dev.gameday.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** With {@code --verbose}, Vert.x's blocked-thread warnings reach the console's log; without, its logs are off. */
@Isolated("swaps the JVM's standard streams or its log levels, which every test shares")
class QuietNetworkLogsTest {
    private final Logger vertxLogs = Logger.getLogger("io.vertx");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (vertxLogs.isLoggable(record.getLevel())) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @AfterEach
    void quietAgain() {
        vertxLogs.removeHandler(capture);
        QuietNetworkLogs.apply(false);
    }

    @Test
    void aBlockedEventLoopIsReportedWhenVerbose() throws Exception {
        QuietNetworkLogs.apply(true);
        vertxLogs.addHandler(capture);
        Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(50)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS).setMaxEventLoopExecuteTime(100)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        try {
            // The event loop is held until the checker has said so (or 30 s, and the test fails).
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            vertx.runOnContext(v -> {
                while (!blockedWarningSeen() && System.nanoTime() < giveUp) {
                    Thread.onSpinWait();
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(this::blockedWarningSeen);
        } finally {
            vertx.close().await();
        }
        assertThat(records).anySatisfy(r -> assertThat(r.getMessage()).contains("blocked"));
    }

    @Test
    void offWithoutVerbose() {
        QuietNetworkLogs.apply(false);
        assertThat(vertxLogs.isLoggable(Level.SEVERE)).isFalse();
        assertThat(Logger.getLogger("io.netty").isLoggable(Level.SEVERE)).isFalse();
    }

    private boolean blockedWarningSeen() {
        return records.stream().anyMatch(r -> String.valueOf(r.getMessage()).contains("blocked"));
    }
}
