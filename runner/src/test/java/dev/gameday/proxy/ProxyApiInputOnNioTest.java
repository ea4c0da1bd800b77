package dev.gameday.proxy;

/** {@link ProxyApiInputTest} with the proxies' data path on NIO. */
class ProxyApiInputOnNioTest extends ProxyApiInputTest {
    @Override
    protected String transport() {
        return "nio";
    }
}
