package dev.gameday.proxy;

/** {@link ProxyRobustnessTest} with the proxies' data path on NIO. */
class ProxyRobustnessOnNioTest extends ProxyRobustnessTest {
    @Override
    protected String transport() {
        return "nio";
    }
}
