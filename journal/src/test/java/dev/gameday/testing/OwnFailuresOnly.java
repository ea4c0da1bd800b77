package dev.gameday.testing;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility by default installs a JVM-wide handler for uncaught exceptions and fails whichever
 * {@code await} is running with them. With test classes side by side, that is another class's
 * await: a Vert.x worker of one test's closing instance failed DemoCommandTest's wait for its
 * banner. A test fails on what its own code sees, so the handler is off for every module's tests.
 * Registered through META-INF/services, in this module's test jar, which the other modules use.
 */
public final class OwnFailuresOnly implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
