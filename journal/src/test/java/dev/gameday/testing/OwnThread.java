package dev.gameday.testing;

import java.util.concurrent.Executor;

/**
 * Where a test's background task runs: a thread of its own. Never the JVM's common pool, which is one
 * thread on two cores and is shared by every test class running side by side.
 */
public final class OwnThread {
    public static final Executor EXECUTOR = task -> new Thread(task, "test-background").start();

    private OwnThread() {}
}
