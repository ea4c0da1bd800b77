package dev.gameday.replay;

/** A clock whose time moves only when the replay sleeps; it counts what the replay waited, and its longest wait. */
public final class VirtualClock implements ReplayClock {
    private long now;
    private long longest;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void sleep(long millis) {
        now += millis;
        longest = Math.max(longest, millis);
    }

    public long slept() {
        return now;
    }

    public long longestSleep() {
        return longest;
    }
}
