package dev.gameday.replay;

/** A clock whose time moves only when the replay sleeps; it counts what the replay waited. */
final class VirtualClock implements ReplayClock {
    private long now;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void sleep(long millis) {
        now += millis;
    }

    long slept() {
        return now;
    }
}
