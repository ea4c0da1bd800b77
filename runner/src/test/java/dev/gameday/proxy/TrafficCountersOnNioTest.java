package dev.gameday.proxy;

/** {@link TrafficCountersTest} with the proxies' data path on NIO. */
class TrafficCountersOnNioTest extends TrafficCountersTest {
    @Override
    protected String transport() {
        return "nio";
    }
}
