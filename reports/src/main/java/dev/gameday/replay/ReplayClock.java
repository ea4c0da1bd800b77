package dev.gameday.replay;

/**
 * The time a replay waits on. The system clock sleeps for real; tests inject a clock whose time only
 * moves when the replay sleeps, so a replay is a pure function of journal, options and input.
 */
public interface ReplayClock {
    long nowMillis();

    void sleep(long millis) throws InterruptedException;

    static ReplayClock system() {
        return new ReplayClock() {
            @Override
            public long nowMillis() {
                return System.nanoTime() / 1_000_000;
            }

            @Override
            public void sleep(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        };
    }
}
