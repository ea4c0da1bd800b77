package dev.gameday.proxy;

import org.testcontainers.containers.ToxiproxyContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same compatibility suite against the real Toxiproxy image; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class RealToxiproxyCompatibilityTest extends ToxiproxyCompatibilitySuite {

    @Container
    private static final ToxiproxyContainer TOXIPROXY = new ToxiproxyContainer("ghcr.io/shopify/toxiproxy:2.5.0");

    @Override
    protected String apiHost() {
        return TOXIPROXY.getHost();
    }

    @Override
    protected int apiPort() {
        return TOXIPROXY.getControlPort();
    }

    @Override
    protected String listen(int i) {
        return "0.0.0.0:" + (8666 + i);
    }
}
