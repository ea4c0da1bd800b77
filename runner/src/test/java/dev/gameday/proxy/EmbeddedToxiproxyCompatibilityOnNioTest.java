package dev.gameday.proxy;

/** {@link EmbeddedToxiproxyCompatibilityTest} with the proxies' data path on NIO. */
class EmbeddedToxiproxyCompatibilityOnNioTest extends EmbeddedToxiproxyCompatibilityTest {
    @Override
    protected String transport() {
        return "nio";
    }
}
